package dev.nativeload.spi;


import dev.nativeload.platform.Host;
import java.util.List;

/**
 * Where a jar keeps the native library of one platform: the resource names to try for a library
 * name on a host, most specific first. {@link Layouts} has the presets for the common layouts;
 * implement this for any other.
 */
public interface ResourceLayout {
    /** {@return the layout's name in reports: {@code classifier}, {@code jna}, {@code sqlite-jdbc}, ...} */
    String name();

    /**
     * {@return the resource names to look for, in order}
     *
     * @param library the library's logical name ({@code foo}) or a file name ({@code libfoo.so})
     * @param host    the host whose build is wanted
     */
    List<ResourceName> resources(String library, Host host);
}
