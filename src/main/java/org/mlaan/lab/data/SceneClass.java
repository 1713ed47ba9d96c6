package org.mlaan.lab.data;

/**
 * The ten classes of the built-in set. The first six are told apart only by how three identical
 * markers sit relative to each other (a global property); the last four by the texture of one
 * patch (a local property). Every class is unchanged by a horizontal flip, so the flip of the
 * training augmentation never turns one class into another.
 */
enum SceneClass {
    ROW("row", PatchTexture.SPECKLE),
    COLUMN("column", PatchTexture.SPECKLE),
    /** Either diagonal: one class, because a flip turns one into the other. */
    DIAGONAL("diagonal", PatchTexture.SPECKLE),
    TRI_UP("tri-up", PatchTexture.SPECKLE),
    TRI_DOWN("tri-down", PatchTexture.SPECKLE),
    /** A triangle pointing left or right: one class, for the same reason as the diagonal. */
    TRI_SIDE("tri-side", PatchTexture.SPECKLE),
    STRIPES("stripes", PatchTexture.STRIPES),
    CHECKER("checker", PatchTexture.CHECKER),
    DOTS("dots", PatchTexture.DOTS),
    ZIGZAG("zigzag", PatchTexture.ZIGZAG);

    private final String id;
    private final PatchTexture texture;

    SceneClass(String id, PatchTexture texture) {
        this.id = id;
        this.texture = texture;
    }

    String id() {
        return id;
    }

    /** The texture of the image's patch: irregular speckle for the arrangement classes. */
    PatchTexture texture() {
        return texture;
    }

    /** True when the markers' layout, not the patch, decides the class. */
    boolean isArrangement() {
        return texture == PatchTexture.SPECKLE;
    }
}
