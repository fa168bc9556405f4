//! Dense storage of text: a record's JSON is compressed (DEFLATE) and the bytes are packed 15 bits
//! to a character, in characters that are neither surrogates nor controls. Browsers count
//! `localStorage` in UTF-16 units, so this stores several times more reviews in the same quota
//! than plain JSON, or than base64.

use miniz_oxide::deflate::compress_to_vec;
use miniz_oxide::inflate::decompress_to_vec_with_limit;

/// The first character of the packing alphabet; with 15 bits the last is U+BFFF, below the
/// surrogates (U+D800) and well above the control characters.
const ALPHABET_START: u32 = 0x4000;
/// Refuse to inflate anything larger than this: no genuine record comes near it.
const MAX_INFLATED_BYTES: usize = 16 * 1024 * 1024;

/// Compresses bytes with DEFLATE.
pub fn compress(bytes: &[u8]) -> Vec<u8> {
    compress_to_vec(bytes, 8)
}

/// Inflates what [`compress`] produced, or `None` if it is not valid or far too large.
pub fn decompress(bytes: &[u8]) -> Option<Vec<u8>> {
    decompress_to_vec_with_limit(bytes, MAX_INFLATED_BYTES).ok()
}

/// Bytes as text, 15 bits a character, after two characters giving the byte count.
pub fn pack(bytes: &[u8]) -> String {
    let length = u32::try_from(bytes.len()).expect("records are far smaller than 4 GiB");
    let mut text = String::with_capacity(bytes.len() * 8 / 15 + 3);
    let mut push = |value: u32| {
        text.push(char::from_u32(ALPHABET_START + value).expect("inside the alphabet"))
    };
    push(length >> 15);
    push(length & 0x7fff);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for byte in bytes {
        buffer = (buffer << 8) | u32::from(*byte);
        bits += 8;
        if bits >= 15 {
            bits -= 15;
            push((buffer >> bits) & 0x7fff);
        }
    }
    if bits > 0 {
        push((buffer << (15 - bits)) & 0x7fff);
    }
    text
}

/// The bytes from [`pack`]'s text, or `None` if it is not such text.
pub fn unpack(text: &str) -> Option<Vec<u8>> {
    let mut values = text.chars().map(|c| {
        (c as u32)
            .checked_sub(ALPHABET_START)
            .filter(|v| *v <= 0x7fff)
    });
    let length = ((values.next()?? << 15) | values.next()??) as usize;
    let mut bytes = Vec::with_capacity(length);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for value in values {
        buffer = (buffer << 15) | value?;
        bits += 15;
        while bits >= 8 && bytes.len() < length {
            bits -= 8;
            bytes.push((buffer >> bits) as u8);
        }
        buffer &= (1 << bits) - 1;
    }
    (bytes.len() == length).then_some(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packing_round_trips_every_length_and_uses_no_surrogates_or_controls() {
        for length in 0..64usize {
            let bytes: Vec<u8> = (0..length).map(|i| (i * 37 + 11) as u8).collect();
            let text = pack(&bytes);
            assert!(
                text.chars().all(|c| ('\u{4000}'..='\u{bfff}').contains(&c)),
                "{length}"
            );
            assert_eq!(unpack(&text), Some(bytes), "{length}");
        }
    }

    #[test]
    fn damaged_text_is_refused() {
        let text = pack(b"planning and review statement");
        assert_eq!(unpack(&text[..text.len() - 3]), None, "cut short");
        assert_eq!(unpack("{\"not\": \"packed\"}"), None);
        assert_eq!(unpack(""), None);
    }

    #[test]
    fn compression_round_trips_and_refuses_garbage() {
        let json = br#"{"key_successes":"Led the phonics group; 14 of 16 pupils reached the expected standard."}"#.repeat(20);
        let compressed = compress(&json);
        assert!(compressed.len() < json.len() / 5);
        assert_eq!(decompress(&compressed), Some(json));
        assert_eq!(decompress(b"not deflate at all"), None);
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_pack_and_unpack(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..300)) {
            proptest::prop_assert_eq!(unpack(&pack(&bytes)), Some(bytes));
        }
    }
}
