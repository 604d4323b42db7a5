//! The demo's files: on Maria's project under way, a logo concept, the palette (a PNG, so
//! previews show) and a brief she can see, and an internal costing she cannot.

use super::actions::record_project_file;
use super::sniff::sniff;
use super::thumbnail;
use super::upload::Stored;
use crate::auth::Actor;
use crate::db::DbConn;
use crate::error::ApiError;
use crate::projects::model::ProjectRow;
use crate::storage::Storage;

const LOGO: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="240" height="120" viewBox="0 0 240 120">
  <rect width="240" height="120" fill="#f5f1ea"/>
  <circle cx="60" cy="60" r="34" fill="none" stroke="#2f5d50" stroke-width="6"/>
  <path d="M48 40v40h26" fill="none" stroke="#2f5d50" stroke-width="6"/>
  <text x="110" y="68" font-family="Georgia, serif" font-size="22" fill="#2f5d50">Lopez</text>
</svg>
"##;

const BRIEF: &str = "Brand refresh — brief\n\n\
Lopez Interiors designs calm, warm rooms. The identity should feel the same:\n\
- deep green and warm sand, no pure white;\n\
- a serif for headings, a quiet sans for text;\n\
- a mark that works embossed on stationery.\n";

const COSTING: &str = "Internal costing — Brand refresh\n\n\
Logo concepts      12 h\nPalette and type    8 h\nStationery         10 h\nGuidelines PDF     14 h\n\n\
Margin target 35 %. Do not share with the client.\n";

/// A demo file's body, stored as an upload would be.
pub fn stored(storage: &Storage, tenant_id: &str, name: &str, body: &str) -> Result<Stored, ApiError> {
    stored_bytes(storage, tenant_id, name, body.as_bytes())
}

/// `stored` for any bytes; an image gets its thumbnail as an upload does.
pub fn stored_bytes(storage: &Storage, tenant_id: &str, name: &str, bytes: &[u8]) -> Result<Stored, ApiError> {
    use sha2::{Digest, Sha256};
    let key = Storage::new_key(tenant_id);
    storage.put_blocking(&key, bytes.to_vec()).map_err(ApiError::Internal)?;
    let sha256 = Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect();
    let content_type = sniff(bytes).to_string();
    let thumbnail_key = match thumbnail::render(bytes, &content_type) {
        Some(thumb) => {
            let thumb_key = Storage::new_key(tenant_id);
            storage.put_blocking(&thumb_key, thumb).map_err(ApiError::Internal)?;
            Some(thumb_key)
        }
        None => None,
    };
    Ok(Stored { key, name: name.to_string(), content_type, size: bytes.len() as i64, sha256, thumbnail_key })
}

/// The palette of the brand refresh as a picture: four swatches side by side, drawn here so
/// the demo carries a real PNG to preview.
pub fn palette_png() -> Vec<u8> {
    const SWATCHES: [[u8; 3]; 4] = [[0x2f, 0x5d, 0x50], [0xd9, 0xc5, 0xa0], [0xf5, 0xf1, 0xea], [0x8a, 0x4b, 0x2f]];
    let (width, height) = (800u32, 400u32);
    let img = image::RgbImage::from_fn(width, height, |x, _| image::Rgb(SWATCHES[(x * 4 / width) as usize]));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).expect("a PNG of a plain buffer");
    out.into_inner()
}

pub fn seed(conn: &mut DbConn, storage: &Storage, project: &ProjectRow, _maria: &str) -> Result<(), ApiError> {
    let tenant_id = project.tenant_id.as_str();
    let palette = palette_png();
    let files = [
        ("logo-concept.svg", LOGO.as_bytes(), true),
        ("palette.png", palette.as_slice(), true),
        ("brand-brief.txt", BRIEF.as_bytes(), true),
        ("internal-costing.txt", COSTING.as_bytes(), false),
    ];
    for (name, body, visible) in files {
        let file = stored_bytes(storage, tenant_id, name, body)?;
        record_project_file(conn, &Actor::System, project, &file, None, visible)?;
    }

    Ok(())
}
