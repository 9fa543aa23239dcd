package modulith.boundaries.bytecode;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The string constants of a class file: every literal its code loads and every
 * {@code static final String} it declares. javac copies a constant into each class that uses it,
 * so SQL kept in a constant of another class shows up here too, while annotations alone would miss
 * it. Reads the constant pool directly (JVMS §4.4) instead of pulling in a bytecode library.
 */
public final class ConstantPoolStrings {

    private static final int UTF8 = 1;
    private static final int INTEGER = 3;
    private static final int FLOAT = 4;
    private static final int LONG = 5;
    private static final int DOUBLE = 6;
    private static final int CLASS = 7;
    private static final int STRING = 8;
    private static final int FIELD_REF = 9;
    private static final int METHOD_REF = 10;
    private static final int INTERFACE_METHOD_REF = 11;
    private static final int NAME_AND_TYPE = 12;
    private static final int METHOD_HANDLE = 15;
    private static final int METHOD_TYPE = 16;
    private static final int DYNAMIC = 17;
    private static final int INVOKE_DYNAMIC = 18;
    private static final int MODULE = 19;
    private static final int PACKAGE = 20;

    private ConstantPoolStrings() {
    }

    public static Set<String> of(URI classFile) {
        try (InputStream in = classFile.toURL().openStream()) {
            return of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + classFile, e);
        }
    }

    public static Set<String> of(byte[] classFile) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile))) {
            if (in.readInt() != 0xCAFEBABE) {
                throw new IllegalArgumentException("not a class file");
            }
            in.readUnsignedShort(); // minor version
            in.readUnsignedShort(); // major version
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            List<Integer> stringIndexes = new ArrayList<>();
            for (int index = 1; index < count; index++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case UTF8 -> utf8[index] = in.readUTF(); // class files use the same modified UTF-8 as DataInput
                    case STRING -> stringIndexes.add(in.readUnsignedShort());
                    case CLASS, METHOD_TYPE, MODULE, PACKAGE -> in.skipNBytes(2);
                    case METHOD_HANDLE -> in.skipNBytes(3);
                    case INTEGER, FLOAT, FIELD_REF, METHOD_REF, INTERFACE_METHOD_REF, NAME_AND_TYPE, DYNAMIC, INVOKE_DYNAMIC ->
                            in.skipNBytes(4);
                    case LONG, DOUBLE -> {
                        in.skipNBytes(8);
                        index++; // 8-byte constants take two slots
                    }
                    default -> throw new IllegalArgumentException("unknown constant pool tag " + tag + " at " + index);
                }
            }
            Set<String> strings = new LinkedHashSet<>();
            for (int index : stringIndexes) {
                strings.add(utf8[index]);
            }
            return strings;
        } catch (IOException e) {
            throw new UncheckedIOException("truncated class file", e);
        }
    }
}
