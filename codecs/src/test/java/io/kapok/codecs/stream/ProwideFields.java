package io.kapok.codecs.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.codecs.iso.Iso4217;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlEnumValue;
import jakarta.xml.bind.annotation.XmlID;
import jakarta.xml.bind.annotation.XmlIDREF;
import jakarta.xml.bind.annotation.XmlValue;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Compares every field a {@link MessageSchema} reads (the message's and every item's of its
 * repeated group) with the same element of Prowide's parse of the same bytes, found by the
 * field's path through Prowide's JAXB model: texts and codes as written, dates and numbers by
 * value, amounts in minor units with their currency, absent where Prowide has nothing. Where a path
 * passes a repeated element the first occurrence is the one compared, as the decoder keeps it.
 * Stateless.
 */
public final class ProwideFields {
    private ProwideFields() {}

    /** Asserts that {@code view} holds what Prowide's {@code root} (the message element's object) holds. */
    public static void assertSameFields(MessageSchema schema, Object root, MessageView view) {
        for (int i = 0; i < schema.fieldCount(); i++) {
            FieldSpec spec = schema.field(i);
            Object value = at(root, spec.path(), 0);
            String where = spec.pathText(schema.rootElement());
            assertSame(where, spec, value, view.text(i), view.amountMinor(i), view.currency(i));
        }
        RepeatedGroup group = schema.group();
        if (group == null) {
            return;
        }
        List<?> items = list(at(root, group.path(), 0, group.path().length - 1), group.path()[group.path().length - 1]);
        assertEquals(items.size(), view.itemCount(), "items of " + group.itemPathText(schema.rootElement(), 0));
        for (int item = 0; item < items.size(); item++) {
            for (int f = 0; f < group.fields().size(); f++) {
                FieldSpec spec = group.fields().get(f);
                Object value = at(items.get(item), spec.path(), 0);
                String where = group.itemPathText(schema.rootElement(), item) + "/" + String.join("/", spec.path());
                assertSame(
                        where,
                        spec,
                        value,
                        view.itemText(item, f),
                        spec.kind() == ValueKind.AMOUNT ? view.itemAmountMinor(item, f) : 0,
                        spec.kind() == ValueKind.AMOUNT ? view.itemCurrency(item, f) : 0);
            }
        }
    }

    private static void assertSame(
            String where, FieldSpec spec, Object value, io.kapok.codecs.xml.TextBuffer text, long minor, int ccy) {
        if (value == null) {
            assertFalse(text.isPresent(), () -> where + " is absent in Prowide's reading, Kapok has '" + text + "'");
            return;
        }
        assertTrue(
                text.isPresent(), () -> where + " is '" + lexical(value) + "' in Prowide's reading, absent in Kapok's");
        switch (spec.kind()) {
            case PRESENCE -> {}
            case AMOUNT -> {
                BigDecimal amount = (BigDecimal) valueOf(value);
                String currency = attribute(value, "ccy");
                assertEquals(currency, Iso4217.unpack(ccy), where + "/@Ccy");
                assertEquals(
                        amount.movePointRight(Iso4217.minorUnits(Iso4217.pack(currency)))
                                .longValueExact(),
                        minor,
                        where);
            }
            case DECIMAL, COUNT ->
                assertEquals(
                        0,
                        new BigDecimal(lexical(value))
                                .compareTo(new BigDecimal(text.toString().strip())),
                        where);
            case DATE_TIME, ISO_DATE_TIME ->
                assertEquals(
                        ((OffsetDateTime) value).toInstant(),
                        OffsetDateTime.parse(text.toString().strip()).toInstant(),
                        where);
            default -> assertEquals(lexical(value), text.toString().strip(), where);
        }
    }

    /** The object at {@code path[from..to)} below {@code node} (the first of each repeated element), or null. */
    private static Object at(Object node, String[] path, int from, int to) {
        Object at = node;
        for (int i = from; i < to && at != null; i++) {
            Object value = get(at, path[i]);
            at = value instanceof List<?> l ? (l.isEmpty() ? null : l.get(0)) : value;
        }
        return at;
    }

    private static Object at(Object node, String[] path, int from) {
        return at(node, path, from, path.length);
    }

    private static List<?> list(Object node, String name) {
        assertNotNull(node, "no element above " + name + " in Prowide's reading");
        Object value = get(node, name);
        return value instanceof List<?> l ? l : value == null ? List.of() : List.of(value);
    }

    private static Object get(Object node, String element) {
        Field field = ProwideModel.elementField(node.getClass(), element);
        assertNotNull(field, () -> node.getClass().getSimpleName() + " has no element " + element);
        try {
            Object value = field.get(node);
            return value != null && field.isAnnotationPresent(XmlIDREF.class) ? idOf(value) : value;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What an IDREF element carries: the {@code @XmlID} of the object it refers to. */
    private static Object idOf(Object referenced) throws IllegalAccessException {
        for (Class<?> c = referenced.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.isAnnotationPresent(XmlID.class)) {
                    field.setAccessible(true);
                    return field.get(referenced);
                }
            }
        }
        throw new IllegalStateException(referenced.getClass().getSimpleName() + " has no @XmlID");
    }

    /** The text an element of simple content carries: a code's XML value, a date's ISO form... */
    private static String lexical(Object value) {
        if (value instanceof Enum<?> e) {
            try {
                XmlEnumValue xml = e.getDeclaringClass().getField(e.name()).getAnnotation(XmlEnumValue.class);
                return xml == null ? e.name() : xml.value();
            } catch (NoSuchFieldException ex) {
                throw new IllegalStateException(ex);
            }
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        Object inner = valueOf(value);
        return inner == value ? String.valueOf(value) : lexical(inner);
    }

    /** The {@code @XmlValue} of an amount or coded text, or the value itself. */
    private static Object valueOf(Object value) {
        for (Class<?> c = value.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.isAnnotationPresent(XmlValue.class)) {
                    field.setAccessible(true);
                    try {
                        return field.get(value);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return value;
    }

    private static String attribute(Object value, String name) {
        for (Class<?> c = value.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                XmlAttribute attribute = field.getAnnotation(XmlAttribute.class);
                if (attribute != null && field.getName().equalsIgnoreCase(name)) {
                    field.setAccessible(true);
                    try {
                        return (String) field.get(value);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return null;
    }
}
