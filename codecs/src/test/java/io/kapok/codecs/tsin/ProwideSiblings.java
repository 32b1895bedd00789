package io.kapok.codecs.tsin;

import com.prowidesoftware.swift.model.mx.AbstractMX;
import io.kapok.codecs.MessageType;
import io.kapok.codecs.stream.ProwideModel;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlIDREF;
import jakarta.xml.bind.annotation.XmlValue;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds a business letter sibling (a status, notification or acknowledgement) with Prowide's own
 * model of it from a request built with Prowide's model of the request: every element of the
 * request is set on the sibling's own classes, by element name (a list element renamed where the
 * sibling names it otherwise), so Prowide writes the sibling from its own model and namespace.
 * Elements the sibling does not have, and repeated IDREFs, are left out; a single IDREF keeps its
 * party. Stateless.
 */
final class ProwideSiblings {
    private ProwideSiblings() {}

    /**
     * The message {@code sibling} built from {@code request}, whose message element {@code
     * requestRoot} becomes {@code root}, and whose elements named as keys of {@code renamed} take
     * the values' names.
     */
    static AbstractMX sibling(
            AbstractMX request, String requestRoot, MessageType sibling, String root, Map<String, String> renamed) {
        try {
            Class<?> type = ProwideModel.messageClass(sibling);
            AbstractMX mx = (AbstractMX) type.getDeclaredConstructor().newInstance();
            Field from = ProwideModel.elementField(request.getClass(), requestRoot);
            Field to = ProwideModel.elementField(type, root);
            to.set(mx, copy(from.get(request), to.getType(), renamed));
            return mx;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object copy(Object source, Class<?> type, Map<String, String> renamed)
            throws ReflectiveOperationException {
        if (type.isEnum()) {
            return type.getMethod("valueOf", String.class).invoke(null, ((Enum<?>) source).name());
        }
        if (source.getClass().getName().startsWith("java.") || source instanceof byte[]) {
            return source; // text, numbers, dates, booleans: the same in every model
        }
        Object target = type.getDeclaredConstructor().newInstance();
        for (Class<?> c = source.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                Object value = field.get(source);
                if (field.isAnnotationPresent(XmlIDREF.class) && !(value instanceof List<?>)) {
                    // A reference to a party of the letter: Prowide writes the party's id, and the
                    // party classes are the same in every business letter model.
                    Field into = ProwideModel.elementField(type, elementName(field, renamed));
                    if (into != null && value != null) {
                        into.set(target, value);
                    }
                    continue;
                }
                if (value == null || (value instanceof List<?> l && l.isEmpty())) {
                    continue;
                }
                Field into = field.isAnnotationPresent(XmlValue.class) || field.isAnnotationPresent(XmlAttribute.class)
                        ? sameNamed(type, field.getName())
                        : ProwideModel.elementField(type, elementName(field, renamed));
                if (into == null || List.class.isAssignableFrom(field.getType()) && isIdref(value)) {
                    continue;
                }
                into.setAccessible(true);
                if (value instanceof List<?> list) {
                    List<Object> copies = new ArrayList<>();
                    for (Object item : list) {
                        copies.add(copy(item, ProwideModel.elementType(into), renamed));
                    }
                    into.set(target, copies);
                } else {
                    into.set(target, copy(value, into.getType(), renamed));
                }
            }
        }
        return target;
    }

    private static String elementName(Field field, Map<String, String> renamed) {
        jakarta.xml.bind.annotation.XmlElement element =
                field.getAnnotation(jakarta.xml.bind.annotation.XmlElement.class);
        String name = element == null ? field.getName() : element.name();
        return renamed.getOrDefault(name, name);
    }

    private static Field sameNamed(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.getName().equals(name)) {
                    return field;
                }
            }
        }
        return null;
    }

    private static boolean isIdref(Object list) {
        return !((List<?>) list).isEmpty() && ((List<?>) list).get(0) instanceof JAXBElement;
    }
}
