//! Bundles: the signed (and usually encrypted) JSON files people email each other, and the
//! merge of what they carry. Everything here is pure: keys, clocks and randomness are passed in.

pub mod identity;
pub mod merge;
