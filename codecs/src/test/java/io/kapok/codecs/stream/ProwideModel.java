package io.kapok.codecs.stream;

import io.kapok.codecs.MessageType;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlIDREF;
import jakarta.xml.bind.annotation.XmlTransient;
import jakarta.xml.bind.annotation.XmlValue;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ISO 20022 message definitions as Prowide's JAXB model has them (classes generated from the
 * schemas): the element children of a type, in schema order, with the type of each. Used by tests
 * as the independent source of which elements a message allows where. Stateless.
 */
public final class ProwideModel {
    /** A type whose content is open ({@code xs:any}): any element may appear in it. */
    public static final Map<String, Class<?>> OPEN = java.util.Collections.unmodifiableMap(new LinkedHashMap<>());

    private ProwideModel() {}

    /** Prowide's message class of {@code type}, e.g. {@code MxPacs00800108} for pacs.008.001.08. */
    public static Class<?> messageClass(MessageType type) {
        String def = type.messageDefinition().replace(".", "");
        String name = "com.prowidesoftware.swift.model.mx.Mx" + Character.toUpperCase(def.charAt(0)) + def.substring(1);
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Prowide has no class " + name, e);
        }
    }

    /** The type of the message element {@code rootElement} (e.g. {@code FIToFICstmrCdtTrf}) of {@code type}. */
    public static Class<?> rootType(MessageType type, String rootElement) {
        Class<?> root = children(messageClass(type)).get(rootElement);
        if (root == null) {
            throw new IllegalStateException(type.messageDefinition() + " has no element " + rootElement);
        }
        return root;
    }

    /**
     * The element children of {@code type}, name to element type (a list's element type for a
     * repeated element), in schema order; empty for simple content (text, a number, a code, an
     * amount with its currency attribute, an IDREF); {@link #OPEN} when any element may appear.
     */
    public static Map<String, Class<?>> children(Class<?> type) {
        if (isSimple(type)) {
            return Map.of();
        }
        Map<String, Class<?>> children = new LinkedHashMap<>();
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            hierarchy.add(0, c);
        }
        for (Class<?> c : hierarchy) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())
                        || field.isAnnotationPresent(XmlTransient.class)
                        || field.isAnnotationPresent(XmlAttribute.class)
                        || field.isAnnotationPresent(XmlValue.class)) {
                    continue;
                }
                if (field.isAnnotationPresent(XmlAnyElement.class)) {
                    return OPEN;
                }
                XmlElement element = field.getAnnotation(XmlElement.class);
                String name = element == null || "##default".equals(element.name()) ? field.getName() : element.name();
                children.put(name, field.isAnnotationPresent(XmlIDREF.class) ? String.class : elementType(field));
            }
        }
        return children;
    }

    /** The type at {@code path} below {@code type}, or null when the model has no such element. */
    public static Class<?> typeAt(Class<?> type, List<String> path) {
        Class<?> at = type;
        for (String name : path) {
            Map<String, Class<?>> children = children(at);
            at = children == OPEN ? null : children.get(name);
            if (at == null) {
                return null;
            }
        }
        return at;
    }

    /** The Java field of {@code type} (or a superclass) holding element {@code name}, or null. */
    public static Field elementField(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                XmlElement element = field.getAnnotation(XmlElement.class);
                if (element != null
                        ? element.name().equals(name)
                        : field.getName().equals(name)) {
                    field.setAccessible(true);
                    return field;
                }
            }
        }
        return null;
    }

    public static Class<?> elementType(Field field) {
        Type type = field.getGenericType();
        if (List.class.isAssignableFrom(field.getType())) {
            type = ((ParameterizedType) type).getActualTypeArguments()[0];
        }
        if (type instanceof ParameterizedType p && p.getRawType() == JAXBElement.class) {
            type = p.getActualTypeArguments()[0];
        }
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }

    /** Text, numbers, dates, codes, and types with a value and attributes only (amounts). */
    public static boolean isSimple(Class<?> type) {
        if (type.isPrimitive()
                || type.isEnum()
                || type.isArray()
                || type.getName().startsWith("java.")
                || type.getName().startsWith("javax.")) {
            return true;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.isAnnotationPresent(XmlValue.class)) {
                    return true;
                }
            }
        }
        return false;
    }
}
