package org.mlaan.lab.ui.features;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * One feature map drawn as a colour heatmap over its input image. The map (at most about 64x64
 * values) is normalised to its own min..max, or to a range shared with its neighbours, upscaled
 * to the image's resolution (bilinear, or nearest when not smooth), coloured through a
 * {@link Colormap} and laid over the image with an adjustable opacity; the small composite is then
 * stretched over the view. Without a map it shows the image alone, without an image the map alone.
 * The composite and its pixel buffer are kept between updates, so a live refresh allocates nothing.
 */
public final class HeatmapView extends Region {
    private final Canvas canvas = new Canvas();
    private final DoubleProperty mapOpacity = new SimpleDoubleProperty(this, "mapOpacity", 0.6);
    private final ObjectProperty<Colormap> colormap = new SimpleObjectProperty<>(this, "colormap", Colormap.VIRIDIS);

    private float[] rgb;
    private int imageHeight;
    private int imageWidth;
    private float[] map;
    private int mapHeight;
    private int mapWidth;
    private boolean sharedRange;
    private float rangeLow;
    private float rangeHigh;
    private boolean smooth = true;

    private WritableImage composite;
    private int[] pixels = new int[0];

    public HeatmapView() {
        getStyleClass().add("heatmap");
        getChildren().add(canvas);
        setPrefSize(96, 96);
        setMinSize(8, 8);
        mapOpacity.addListener((obs, old, now) -> render());
        colormap.addListener((obs, old, now) -> render());
    }

    /** How strongly the map covers the image: 0 shows the image alone, 1 the map alone. */
    public DoubleProperty mapOpacityProperty() {
        return mapOpacity;
    }

    public ObjectProperty<Colormap> colormapProperty() {
        return colormap;
    }

    /**
     * Sets the picture and the map together and draws once.
     *
     * @param image H*W*3 RGB values in 0..1, or null for the map alone
     * @param values the map, row-major, or null for the image alone
     */
    public void show(float[] image, int imageH, int imageW, float[] values, int mapH, int mapW) {
        this.rgb = image;
        this.imageHeight = imageH;
        this.imageWidth = imageW;
        this.map = values;
        this.mapHeight = mapH;
        this.mapWidth = mapW;
        render();
    }

    /** Normalises the map to {@code low..high} instead of its own min..max (a scale shared across a row). */
    public void setRange(float low, float high) {
        sharedRange = true;
        rangeLow = low;
        rangeHigh = high;
        render();
    }

    /** Back to the map's own min..max. */
    public void clearRange() {
        if (sharedRange) {
            sharedRange = false;
            render();
        }
    }

    /** Bilinear upscaling of the map and of the composite (true, the default) or nearest cells. */
    public void setSmooth(boolean on) {
        if (smooth != on) {
            smooth = on;
            render();
        }
    }

    /** The map shown, or null. */
    public float[] map() {
        return map;
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
    }

    /** Rebuilds the composite from the image and the map, then draws it. */
    private void render() {
        boolean hasImage = rgb != null && imageHeight > 0 && imageWidth > 0;
        boolean hasMap = map != null && mapHeight > 0 && mapWidth > 0;
        if (!hasImage && !hasMap) {
            composite = null;
            draw();
            return;
        }
        int h = hasImage ? imageHeight : mapHeight;
        int w = hasImage ? imageWidth : mapWidth;
        if (composite == null || (int) composite.getWidth() != w || (int) composite.getHeight() != h) {
            composite = new WritableImage(w, h);
            pixels = new int[w * h];
        }
        float low = 0;
        float span = 0;
        if (hasMap) {
            low = sharedRange ? rangeLow : min(map);
            float high = sharedRange ? rangeHigh : max(map);
            span = high - low;
        }
        double alpha = hasImage ? clamp01(mapOpacity.get()) : 1;
        Colormap cm = colormap.get();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                double r = 0;
                double g = 0;
                double b = 0;
                if (hasImage) {
                    r = rgb[p * 3];
                    g = rgb[p * 3 + 1];
                    b = rgb[p * 3 + 2];
                }
                if (hasMap) {
                    float v = hasImage ? sample(y, x, h, w) : map[p];
                    // A flat map (a dead unit, or the first step) shows as the lowest colour.
                    int c = cm.argb(span > 0 ? (v - low) / span : 0);
                    r = (1 - alpha) * r + alpha * (c >> 16 & 0xff) / 255.0;
                    g = (1 - alpha) * g + alpha * (c >> 8 & 0xff) / 255.0;
                    b = (1 - alpha) * b + alpha * (c & 0xff) / 255.0;
                }
                pixels[p] = 0xff000000 | channel(r) << 16 | channel(g) << 8 | channel(b);
            }
        }
        composite.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pixels, 0, w);
        draw();
    }

    /** The map's value at image pixel (y, x): bilinear with pixel centres aligned, or the nearest cell. */
    private float sample(int y, int x, int h, int w) {
        double my = (y + 0.5) * mapHeight / h - 0.5;
        double mx = (x + 0.5) * mapWidth / w - 0.5;
        if (!smooth) {
            int cy = Math.min(mapHeight - 1, Math.max(0, (int) Math.floor(my + 0.5)));
            int cx = Math.min(mapWidth - 1, Math.max(0, (int) Math.floor(mx + 0.5)));
            return map[cy * mapWidth + cx];
        }
        my = Math.max(0, Math.min(mapHeight - 1, my));
        mx = Math.max(0, Math.min(mapWidth - 1, mx));
        int y0 = (int) my;
        int x0 = (int) mx;
        int y1 = Math.min(y0 + 1, mapHeight - 1);
        int x1 = Math.min(x0 + 1, mapWidth - 1);
        double fy = my - y0;
        double fx = mx - x0;
        double top = map[y0 * mapWidth + x0] * (1 - fx) + map[y0 * mapWidth + x1] * fx;
        double bottom = map[y1 * mapWidth + x0] * (1 - fx) + map[y1 * mapWidth + x1] * fx;
        return (float) (top * (1 - fy) + bottom * fy);
    }

    private void draw() {
        GraphicsContext gc = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        gc.clearRect(0, 0, w, h);
        if (composite == null) {
            gc.setFill(Color.gray(0.92));
            gc.fillRect(0, 0, w, h);
            return;
        }
        gc.setImageSmoothing(smooth);
        gc.drawImage(composite, 0, 0, w, h);
    }

    static float min(float[] values) {
        float m = Float.POSITIVE_INFINITY;
        for (float v : values) {
            m = Math.min(m, v);
        }
        return m;
    }

    static float max(float[] values) {
        float m = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static double clamp01(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static int channel(double v) {
        return (int) Math.round(clamp01(v) * 255);
    }
}
