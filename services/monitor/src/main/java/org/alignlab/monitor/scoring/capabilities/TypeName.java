package org.alignlab.monitor.scoring.capabilities;

import java.util.Arrays;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * A type as the policy looks it up.
 *
 * @param qualifiedName {@code java.util.Map.Entry}
 * @param topLevelName  {@code java.util.Map}: a nested type goes with its enclosing type unless listed itself
 * @param packageName   {@code java.util}; empty for the unnamed package
 */
record TypeName(String qualifiedName, String topLevelName, String packageName) {

    static TypeName of(TypeElement type, Elements elements) {
        Element top = type;
        while (top.getEnclosingElement() != null && (top.getEnclosingElement().getKind().isClass()
                || top.getEnclosingElement().getKind().isInterface())) {
            top = top.getEnclosingElement();
        }
        String topName = top instanceof TypeElement t ? t.getQualifiedName().toString()
                : type.getQualifiedName().toString();
        Element pkg = elements.getPackageOf(type);
        String packageName = pkg == null || pkg.getKind() != ElementKind.PACKAGE ? ""
                : elements.getPackageOf(type).getQualifiedName().toString();
        return new TypeName(type.getQualifiedName().toString(), topName, packageName);
    }

    /**
     * A type named only in a string ({@code Class.forName("java.lang.Runtime")}) that the analysis cannot find: the
     * package is what precedes the first capitalised part, as Java's naming conventions have it.
     */
    static TypeName guess(String dottedName) {
        String[] parts = dottedName.split("\\.");
        int firstType = 0;
        while (firstType < parts.length - 1 && (parts[firstType].isEmpty()
                || !Character.isUpperCase(parts[firstType].charAt(0)))) {
            firstType++;
        }
        String packageName = String.join(".", Arrays.copyOfRange(parts, 0, firstType));
        String topType = parts[firstType].split("\\$", -1)[0];
        String topLevel = packageName.isEmpty() ? topType : packageName + "." + topType;
        return new TypeName(dottedName.replace('$', '.'), topLevel, packageName);
    }
}
