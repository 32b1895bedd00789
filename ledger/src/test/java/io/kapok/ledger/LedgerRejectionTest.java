package io.kapok.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LedgerRejectionTest {
    @Test
    void everyRejectionCarriesAnIsoCodeFromItsList() {
        List<String> wrong = new ArrayList<>();
        for (LedgerRejection r : LedgerRejection.values()) {
            Set<String> allowed =
                    r.number() < 200 ? LedgerRejection.PAYMENT_REASON_CODES : LedgerRejection.FINANCING_REASON_CODES;
            if (r.isoCode() == null || !allowed.contains(r.isoCode())) {
                wrong.add(r + " carries " + r.isoCode());
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void numbersAreUniqueAndFoundAgain() {
        Set<Integer> numbers = new HashSet<>();
        for (LedgerRejection r : LedgerRejection.values()) {
            assertTrue(numbers.add(r.number()), "number used twice: " + r.number());
            assertEquals(r, LedgerRejection.ofNumber(r.number()));
        }
    }

    @Test
    void theJavadocTableListsEveryRejectionWithItsNumberAndCode() throws IOException {
        String source = Files.readString(Path.of("src/main/java/io/kapok/ledger/LedgerRejection.java"));
        Matcher row =
                Pattern.compile(" \\*  (\\d{3})  ([A-Z_]+) +([A-Z0-9]{4})  ").matcher(source);
        Set<String> rows = new HashSet<>();
        while (row.find()) {
            rows.add(row.group(1) + " " + row.group(2) + " " + row.group(3));
        }
        Set<String> expected = new HashSet<>();
        for (LedgerRejection r : LedgerRejection.values()) {
            expected.add(r.number() + " " + r.name() + " " + r.isoCode());
        }
        assertEquals(expected, rows);
    }
}
