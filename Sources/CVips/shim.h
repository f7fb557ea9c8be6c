// libvips through plain functions: Swift cannot call C's variadic functions, and every vips operation takes its
// optional arguments as a NULL-terminated list, so each call Showroom makes is wrapped here with its options fixed.
#include <vips/vips.h>

static inline void showroom_vips_quiet(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data) {
    (void)domain; (void)level; (void)message; (void)data;
}

/// Starts libvips once per process; each operation runs on one thread (the build runs photos side by side), the
/// operation cache is off (each variant is made once, then cached on disk), and libvips' own warnings stay off the
/// terminal (a problem reaches the user as a located error instead).
static inline int showroom_vips_start(void) {
    if (vips_init("showroom") != 0) return -1;
    g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO, showroom_vips_quiet, NULL);
    vips_concurrency_set(1);
    vips_cache_set_max(0);
    return 0;
}

/// Opens `path` reading its header only (the pixels are decoded when an operation needs them).
static inline VipsImage *showroom_vips_open_header(const char *path) {
    return vips_image_new_from_file(path, "access", VIPS_ACCESS_SEQUENTIAL, NULL);
}

static inline int showroom_vips_thumbnail_lazy(const char *path, int width, VipsImage **out) {
    VipsImage *resized = NULL;
    if (vips_thumbnail(path, &resized, width, "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN,
                       "fail_on", VIPS_FAIL_ON_TRUNCATED, NULL) != 0) return -1;
    if (vips_image_get_interpretation(resized) == VIPS_INTERPRETATION_sRGB && vips_image_get_format(resized) == VIPS_FORMAT_UCHAR) {
        *out = resized;
        return 0;
    }
    VipsImage *converted = NULL;
    int failed = vips_colourspace(resized, &converted, VIPS_INTERPRETATION_sRGB, NULL);
    g_object_unref(resized);
    if (failed) return -1;
    if (vips_image_get_format(converted) != VIPS_FORMAT_UCHAR) {
        VipsImage *cast = NULL;
        failed = vips_cast(converted, &cast, VIPS_FORMAT_UCHAR, NULL);
        g_object_unref(converted);
        if (failed) return -1;
        converted = cast;
    }
    *out = converted;
    return 0;
}

/// The mean of each of the first three bands of `image` (its dominant colour, for a placeholder).
static inline int showroom_vips_mean_colour(VipsImage *image, double *red, double *green, double *blue) {
    VipsImage *dot = NULL;
    if (vips_shrink(image, &dot, (double)vips_image_get_width(image), (double)vips_image_get_height(image), NULL) != 0) return -1;
    double *vector = NULL;
    int count = 0;
    int failed = vips_getpoint(dot, &vector, &count, 0, 0, NULL);
    g_object_unref(dot);
    if (failed) return -1;
    *red = count > 0 ? vector[0] : 0;
    *green = count > 2 ? vector[1] : *red;
    *blue = count > 2 ? vector[2] : *red;
    g_free(vector);
    return 0;
}

/// Removes every metadata field from `image` (EXIF with its GPS position and camera serial, XMP, IPTC, comments,
/// the ICC profile): the savers' `strip` alone leaves EXIF in Debian's libvips 8.14 WebP files.
static inline void showroom_vips_remove_metadata(VipsImage *image) {
    gchar **fields = vips_image_get_fields(image);
    static const char *prefixes[] = { "exif-", "xmp-", "iptc-", "png-comment-", "gif-comment", "icc-profile-", "orientation", "heif-", "jpeg-thumbnail" };
    for (int i = 0; fields[i] != NULL; i++) {
        for (size_t p = 0; p < sizeof(prefixes) / sizeof(prefixes[0]); p++) {
            if (g_str_has_prefix(fields[i], prefixes[p])) { vips_image_remove(image, fields[i]); break; }
        }
    }
    g_strfreev(fields);
}

/// Decodes `path` at `width` pixels wide (never wider than the original), shrinking while it loads where the
/// format allows, upright by its orientation tag, converted to 8-bit sRGB, stripped of metadata, into memory (so each format is encoded
/// from the same pixels without decoding again); fails on a truncated or corrupt file.
static inline int showroom_vips_thumbnail(const char *path, int width, VipsImage **out) {
    VipsImage *lazy = NULL;
    if (showroom_vips_thumbnail_lazy(path, width, &lazy) != 0) return -1;
    VipsImage *decoded = vips_image_copy_memory(lazy);
    g_object_unref(lazy);
    if (decoded == NULL) return -1;
    showroom_vips_remove_metadata(decoded);
    *out = decoded;
    return 0;
}

/// WebP at quality `quality`, every metadata field left out.
static inline int showroom_vips_save_webp(VipsImage *image, int quality, void **bytes, size_t *length) {
    return vips_webpsave_buffer(image, bytes, length, "Q", quality, "effort", 4, "smart_subsample", TRUE, "strip", TRUE, NULL);
}

/// AVIF (HEIF with AV1) at quality `quality` and encoder effort `effort` (0 fastest … 9 smallest), metadata left out.
static inline int showroom_vips_save_avif(VipsImage *image, int quality, int effort, void **bytes, size_t *length) {
    return vips_heifsave_buffer(image, bytes, length, "compression", VIPS_FOREIGN_HEIF_COMPRESSION_AV1, "Q", quality,
                                "effort", effort, "strip", TRUE, NULL);
}

/// Progressive JPEG with optimised Huffman tables at quality `quality`, metadata left out.
static inline int showroom_vips_save_jpeg(VipsImage *image, int quality, void **bytes, size_t *length) {
    return vips_jpegsave_buffer(image, bytes, length, "Q", quality, "optimize_coding", TRUE, "interlace", TRUE,
                                "strip", TRUE, NULL);
}

/// PNG (for pictures with transparency), metadata left out.
static inline int showroom_vips_save_png(VipsImage *image, void **bytes, size_t *length) {
    return vips_pngsave_buffer(image, bytes, length, "compression", 9, "strip", TRUE, NULL);
}

/// `image` encoded by the format `suffix` names (`.jpg[Q=85]`, `.png`), metadata kept: for tests and tools.
static inline int showroom_vips_save_by_suffix(VipsImage *image, const char *suffix, void **bytes, size_t *length) {
    return vips_image_write_to_buffer(image, suffix, bytes, length, NULL);
}

/// `image` with an opaque alpha channel added: for tests of pictures with transparency.
static inline int showroom_vips_add_alpha(VipsImage *image, VipsImage **out) {
    return vips_addalpha(image, out, NULL);
}

/// A `width` × `height` image of uniform grey noise (for tests and benchmarks that need a photo).
static inline VipsImage *showroom_vips_noise(int width, int height) {
    VipsImage *noise = NULL;
    if (vips_gaussnoise(&noise, width, height, "mean", 128.0, "sigma", 30.0, NULL) != 0) return NULL;
    VipsImage *bands[3] = { noise, noise, noise };
    VipsImage *joined = NULL;
    int failed = vips_bandjoin(bands, &joined, 3, NULL);
    g_object_unref(noise);
    if (failed) return NULL;
    VipsImage *cast = NULL;
    failed = vips_cast(joined, &cast, VIPS_FORMAT_UCHAR, NULL);
    g_object_unref(joined);
    if (failed) return NULL;
    VipsImage *srgb = NULL;
    failed = vips_copy(cast, &srgb, "interpretation", VIPS_INTERPRETATION_sRGB, NULL);
    g_object_unref(cast);
    return failed ? NULL : srgb;
}

/// The loader libvips picks for `path` by its content (`VipsForeignLoadJpegFile`, …), or NULL when none reads it.
static inline const char *showroom_vips_loader(const char *path) {
    const char *loader = vips_foreign_find_load(path);
    if (loader == NULL) vips_error_clear();
    return loader;
}

/// The text of libvips' last error, then cleared; g_free the result.
static inline char *showroom_vips_take_error(void) {
    char *text = g_strdup(vips_error_buffer());
    vips_error_clear();
    return text;
}

/// Drops a reference to `image`, freeing it with the last.
static inline void showroom_vips_release(VipsImage *image) { g_object_unref(image); }


/// Whether the picture at `path` carries the metadata field `name` (`exif-ifd3-GPSLatitude`, `exif-data`, …).
static inline int showroom_vips_file_has_field(const char *path, const char *name) {
    VipsImage *image = vips_image_new_from_file(path, NULL);
    if (image == NULL) { vips_error_clear(); return 0; }
    int found = vips_image_get_typeof(image, name) != 0;
    g_object_unref(image);
    return found;
}
