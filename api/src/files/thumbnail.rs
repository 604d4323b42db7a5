//! Thumbnails: a small JPEG of each uploaded image, made once on upload and kept in the
//! store beside it, so a list of files shows pictures without sending every original.

use std::io::Cursor;

use futures_util::StreamExt;
use image::codecs::jpeg::JpegEncoder;
use image::{ImageFormat, ImageReader, Limits, RgbImage};

use crate::storage::Storage;

/// The longest side of a thumbnail, in pixels: sharp in a 240-pixel box on a 2× screen.
pub const EDGE: u32 = 480;
/// Every thumbnail is a JPEG.
pub const CONTENT_TYPE: &str = "image/jpeg";
/// Larger originals get no thumbnail: decoding them would hold too much memory at once.
pub const MAX_SOURCE_BYTES: u64 = 25 * 1024 * 1024;
/// A picture wider or taller than this is refused by the decoder (a decompression bomb).
const MAX_SIDE: u32 = 12_000;
/// The most a decode may allocate.
const MAX_ALLOC: u64 = 256 * 1024 * 1024;

fn format_of(content_type: &str) -> Option<ImageFormat> {
    match content_type {
        "image/png" => Some(ImageFormat::Png),
        "image/jpeg" => Some(ImageFormat::Jpeg),
        "image/gif" => Some(ImageFormat::Gif),
        "image/webp" => Some(ImageFormat::WebP),
        _ => None,
    }
}

/// The thumbnail of an image's bytes, or `None` when they are not a decodable image within
/// the limits. Transparent parts become white (JPEG has no alpha).
pub fn render(bytes: &[u8], content_type: &str) -> Option<Vec<u8>> {
    let format = format_of(content_type)?;
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);
    let decoded = reader.decode().ok()?;
    // `thumbnail` would also enlarge a small picture.
    let fits = decoded.width() <= EDGE && decoded.height() <= EDGE;
    let small = if fits { decoded.to_rgba8() } else { decoded.thumbnail(EDGE, EDGE).to_rgba8() };
    let flat = RgbImage::from_fn(small.width(), small.height(), |x, y| {
        let [r, g, b, a] = small.get_pixel(x, y).0;
        let over_white = |c: u8| ((u16::from(c) * u16::from(a) + 255 * (255 - u16::from(a))) / 255) as u8;
        image::Rgb([over_white(r), over_white(g), over_white(b)])
    });
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, 82).encode_image(&flat).ok()?;
    Some(out)
}

/// Makes and stores the thumbnail of the object at `key`; returns its key. Any failure
/// (not an image after all, too large, storage trouble) only means no thumbnail.
pub async fn make(storage: &Storage, tenant_id: &str, key: &str, content_type: &str, size: u64) -> Option<String> {
    format_of(content_type)?;
    if size > MAX_SOURCE_BYTES {
        return None;
    }
    let (_, mut stream) = storage.read(key).await.ok()?;
    let mut bytes = Vec::with_capacity(size as usize);
    while let Some(chunk) = stream.next().await {
        bytes.extend_from_slice(&chunk.ok()?);
    }
    let content_type = content_type.to_string();
    let thumb = actix_web::rt::task::spawn_blocking(move || render(&bytes, &content_type)).await.ok()??;
    let thumb_key = Storage::new_key(tenant_id);
    match storage.put(&thumb_key, thumb).await {
        Ok(()) => Some(thumb_key),
        Err(e) => {
            tracing::warn!(error = %e, key, "could not store a thumbnail");
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{ImageBuffer, Rgba};

    fn png(width: u32, height: u32) -> Vec<u8> {
        let img = ImageBuffer::from_fn(width, height, |x, _| Rgba([(x % 256) as u8, 40, 90, 255]));
        let mut out = Vec::new();
        img.write_to(&mut Cursor::new(&mut out), ImageFormat::Png).unwrap();
        out
    }

    #[test]
    fn a_large_image_shrinks_to_fit_the_edge_keeping_its_shape() {
        let thumb = render(&png(1600, 800), "image/png").expect("a thumbnail");
        let decoded = image::load_from_memory_with_format(&thumb, ImageFormat::Jpeg).unwrap();
        assert_eq!((decoded.width(), decoded.height()), (EDGE, EDGE / 2));
    }

    #[test]
    fn a_small_image_keeps_its_size_and_broken_bytes_give_none() {
        let thumb = render(&png(64, 32), "image/png").unwrap();
        let decoded = image::load_from_memory(&thumb).unwrap();
        assert_eq!((decoded.width(), decoded.height()), (64, 32));
        assert!(render(b"\x89PNG\r\n\x1a\nnot really", "image/png").is_none());
        assert!(render(&png(8, 8), "application/pdf").is_none(), "not an image type");
    }
}
