package dev.nativeload.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DependencyNodeTest {
    private static DependencyNode node(String name, How how, DependencyNode... children) {
        Optional<String> path = how.is(How.NOT_FOUND) ? Optional.empty() : Optional.of("/lib/" + name);
        return new DependencyNode(name, path, how, false, false, List.of(), Optional.empty(), List.of(children));
    }

    @Test
    void breadthFirstListsEachLevelInTheOrderItsObjectsNameTheirDependenciesBeforeTheNextLevel() {
        DependencyNode libc = node("libc.so.6", How.LD_SO_CACHE);
        DependencyNode libm = node("libm.so.6", How.LD_SO_CACHE, node("libc.so.6", How.ALREADY_LOADED));
        DependencyNode libfoo = node("libfoo.so", How.RUNPATH, libm, node("libbar.so", How.NOT_FOUND));
        DependencyNode root = node("app", How.INPUT, libfoo, libc);

        List<String> names = root.breadthFirst().stream().map(DependencyNode::name).toList();

        assertEquals(List.of("app", "libfoo.so", "libc.so.6", "libm.so.6", "libbar.so", "libc.so.6"), names);
    }

    @Test
    void breadthFirstOfALeafIsTheLeafAlone() {
        DependencyNode leaf = node("libz.so.1", How.LD_SO_CACHE);

        assertEquals(List.of(leaf), leaf.breadthFirst());
    }
}
