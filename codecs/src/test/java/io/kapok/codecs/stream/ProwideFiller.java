package io.kapok.codecs.stream;

import com.prowidesoftware.swift.model.mx.AbstractMX;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlIDREF;
import jakarta.xml.bind.annotation.XmlTransient;
import jakarta.xml.bind.annotation.XmlValue;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

/**
 * Fills a Prowide message with every optional element Prowide's model can write, for the test that
 * a message with all of them is still accepted. Elements the schema reads (its fields and the
 * elements on their paths) are left as the sample has them, so the message stays valid; every other
 * element of the model is created where it is absent, with its own children down to {@value
 * #CREATED_DEPTH_MAX} levels (deeper content is below elements the decoder does not check), one
 * occurrence of each repeated element, and placeholder values of the right type. IDREFs and
 * {@code xs:any} content are left out: they cannot be made up. Stateless.
 */
public final class ProwideFiller {
    private static final int CREATED_DEPTH_MAX = 3;

    private ProwideFiller() {}

    /** Fills {@code mx}'s Document (in place) and returns it; the AppHdr is left alone. */
    public static <T extends AbstractMX> T withEveryOptionalElement(T mx, MessageSchema schema) {
        try {
            Field root = rootField(mx.getClass(), schema.rootElement());
            root.setAccessible(true);
            fill(root.get(mx), schema.trie, 0);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return mx;
    }

    private static Field rootField(Class<?> type, String rootElement) {
        for (Field field : type.getDeclaredFields()) {
            XmlElement element = field.getAnnotation(XmlElement.class);
            if (element != null && element.name().equals(rootElement)) {
                return field;
            }
        }
        throw new IllegalStateException(type.getSimpleName() + " has no element " + rootElement);
    }

    /**
     * Fills the absent elements of {@code target}; {@code node} is the schema's path tree at it
     * (null below elements the schema does not walk); {@code createdDepth} counts levels created.
     */
    @SuppressWarnings("unchecked")
    private static void fill(Object target, MessageSchema.Node node, int createdDepth)
            throws ReflectiveOperationException {
        for (Class<?> c = target.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())
                        || field.isAnnotationPresent(XmlTransient.class)
                        || field.isAnnotationPresent(XmlAttribute.class)
                        || field.isAnnotationPresent(XmlValue.class)
                        || field.isAnnotationPresent(XmlAnyElement.class)
                        || field.isAnnotationPresent(XmlIDREF.class)) {
                    continue;
                }
                XmlElement element = field.getAnnotation(XmlElement.class);
                String name = element == null ? field.getName() : element.name();
                MessageSchema.Node child = node == null ? null : node.children.get(name);
                boolean walked = child != null && child != MessageSchema.Node.UNWALKED;
                field.setAccessible(true);
                Object value = field.get(target);
                boolean list = List.class.isAssignableFrom(field.getType());
                boolean absent = value == null || (list && ((List<?>) value).isEmpty());
                Class<?> type = ProwideModel.elementType(field);
                if (absent && !walked) {
                    Object made = make(type, createdDepth);
                    if (made == null) {
                        continue;
                    }
                    if (list) {
                        List<Object> items = value == null ? new ArrayList<>() : (List<Object>) value;
                        items.add(made);
                        field.set(target, items);
                    } else {
                        field.set(target, made);
                    }
                } else if (!absent && walked && !ProwideModel.isSimple(type)) {
                    for (Object item : list ? (List<Object>) value : List.of(value)) {
                        fill(item, child, createdDepth);
                    }
                }
            }
        }
    }

    /** A placeholder of {@code type}, with its own elements filled; null when none can be made. */
    private static Object make(Class<?> type, int createdDepth) throws ReflectiveOperationException {
        if (type == String.class) {
            return "X1";
        }
        if (type == BigDecimal.class) {
            return BigDecimal.ONE;
        }
        if (type == BigInteger.class) {
            return BigInteger.ONE;
        }
        if (type == Boolean.class || type == boolean.class) {
            return Boolean.TRUE;
        }
        if (type == Integer.class || type == int.class) {
            return 1;
        }
        if (type == Long.class || type == long.class) {
            return 1L;
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2026, 11, 23);
        }
        if (type == OffsetDateTime.class) {
            return OffsetDateTime.of(2026, 11, 23, 10, 0, 0, 0, ZoneOffset.ofHours(8));
        }
        if (type == LocalDateTime.class) {
            return LocalDateTime.of(2026, 11, 23, 10, 0);
        }
        if (type == LocalTime.class) {
            return LocalTime.of(10, 0);
        }
        if (type == OffsetTime.class) {
            return OffsetTime.of(10, 0, 0, 0, ZoneOffset.ofHours(8));
        }
        if (type == XMLGregorianCalendar.class) {
            try {
                return DatatypeFactory.newInstance().newXMLGregorianCalendar("2026-11-23");
            } catch (DatatypeConfigurationException e) {
                throw new IllegalStateException(e);
            }
        }
        if (type == byte[].class) {
            return new byte[] {1};
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type.getName().startsWith("java.") || type.isInterface() || type.isPrimitive()) {
            return null;
        }
        if (createdDepth >= CREATED_DEPTH_MAX && !ProwideModel.isSimple(type)) {
            return null;
        }
        Object made = type.getDeclaredConstructor().newInstance();
        if (ProwideModel.isSimple(type)) {
            fillValueAndAttributes(made);
        } else {
            fill(made, null, createdDepth + 1);
        }
        return made;
    }

    /** An amount or a coded text: its value and attributes (e.g. {@code Ccy}). */
    private static void fillValueAndAttributes(Object target) throws ReflectiveOperationException {
        for (Class<?> c = target.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                if (field.isAnnotationPresent(XmlAttribute.class) && field.getType() == String.class) {
                    field.set(target, field.getName().equalsIgnoreCase("ccy") ? "CNY" : "X1");
                } else if (field.isAnnotationPresent(XmlValue.class)) {
                    field.set(target, make(field.getType(), CREATED_DEPTH_MAX));
                }
            }
        }
    }
}
