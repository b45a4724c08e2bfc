package dev.nativeload.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * A method a class declares {@code native}, which the JVM binds to a symbol of a loaded native.
 *
 * @param className  the class's binary name with slashes ({@code org/sqlite/core/NativeDB})
 * @param name       the method's name
 * @param descriptor the method's descriptor ({@code (J)I})
 */
record NativeMethod(String className, String name, String descriptor) {
    NativeMethod {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(descriptor, "descriptor");
    }

    /**
     * {@return the native methods a class file declares}, read with ASM without the methods' code
     *
     * @param classFile the class file's bytes
     * @throws IllegalArgumentException  if ASM finds the class file malformed
     * @throws IndexOutOfBoundsException if the class file is truncated
     */
    static List<NativeMethod> declaredIn(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        String owner = reader.getClassName();
        List<NativeMethod> found = new ArrayList<>();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                if ((access & Opcodes.ACC_NATIVE) != 0) {
                    found.add(new NativeMethod(owner, name, descriptor));
                }
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return found;
    }

    /** {@return the method as a Java reader writes it: {@code org.sqlite.core.NativeDB.open(String, int)}} */
    String display() {
        StringBuilder s = new StringBuilder(className.replace('/', '.')).append('.').append(name).append('(');
        org.objectweb.asm.Type[] args = org.objectweb.asm.Type.getArgumentTypes(descriptor);
        for (int i = 0; i < args.length; i++) {
            if (i > 0) {
                s.append(", ");
            }
            String arg = args[i].getClassName();
            s.append(arg.substring(arg.lastIndexOf('.') + 1));
        }
        return s.append(')').toString();
    }
}
