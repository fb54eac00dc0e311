package org.agora.site;

import org.agora.files.Digest;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Feeds a template's context into a digest value by value: records component by component, maps in a fixed
 * order, lists in theirs. The same as digesting the context's text, without building a text as long as the
 * page for every page.
 */
final class ViewDigest {

    private final Map<Class<?>, List<Component>> components = new ConcurrentHashMap<>();

    private record Component(String name, MethodHandle accessor) {}

    void add(Digest digest, Object value) {
        switch (value) {
            case null -> digest.add((String) null);
            case String s -> digest.add(s);
            case Number n -> digest.add(n.getClass().getSimpleName() + n);
            case Boolean b -> digest.add(b);
            case Enum<?> e -> digest.add(e.name());
            // A document's body is known by its fingerprint: a page kept in the cache never makes it.
            case org.agora.render.Html h when h.fingerprint() != null -> digest.add("html#").add(h.fingerprint());
            case org.agora.render.Html h -> digest.add("html").add(h.markup());
            case Record r -> {
                // The class names its components and their order (Agora's code is part of every key).
                digest.add(r.getClass().getName());
                for (Component c : componentsOf(r.getClass())) add(digest, read(c, r));
            }
            case Map<?, ?> m -> {
                // Insertion-ordered and sorted maps keep their order; others (Map.copyOf's changes from run to run) are sorted.
                Map<?, ?> ordered = m instanceof LinkedHashMap<?, ?> || m instanceof SortedMap<?, ?> ? m : sorted(m);
                digest.add("map").add(ordered.size());
                ordered.forEach((k, v) -> {
                    add(digest, k);
                    add(digest, v);
                });
            }
            case Collection<?> c -> {
                digest.add("list").add(c.size());
                for (Object o : c) add(digest, o);
            }
            default -> digest.add(value.getClass().getName() + ":" + value);
        }
    }

    private static Map<String, Object> sorted(Map<?, ?> m) {
        Map<String, Object> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private List<Component> componentsOf(Class<?> type) {
        return components.computeIfAbsent(type, t -> {
            List<Component> out = new ArrayList<>();
            try {
                MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                for (RecordComponent rc : t.getRecordComponents()) {
                    rc.getAccessor().setAccessible(true);
                    out.add(new Component(rc.getName(), lookup.unreflect(rc.getAccessor())
                            .asType(MethodType.methodType(Object.class, Record.class))));
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new IllegalStateException("a view that cannot be read: " + t.getName(), e);
            }
            return List.copyOf(out);
        });
    }

    private static Object read(Component c, Record r) {
        try {
            return (Object) c.accessor().invokeExact(r);
        } catch (Throwable e) {
            throw new IllegalStateException("a view that cannot be read: " + r.getClass().getName(), e);
        }
    }
}
