//! The fingerprint as words: eight common words people can read to each other or compare side by
//! side in a few seconds, from the same digest as the 30 digits (FORMAT.md lists the words).

/// 256 short, common words, chosen so that no two sound alike on a telephone line.
pub const WORDS: [&str; 256] = [
    "ant",
    "badger",
    "bear",
    "bee",
    "bird",
    "cat",
    "cow",
    "crab", //
    "deer",
    "dog",
    "duck",
    "eagle",
    "fish",
    "fox",
    "frog",
    "donkey", //
    "rabbit",
    "horse",
    "lamb",
    "lion",
    "mole",
    "mouse",
    "owl",
    "pig", //
    "robin",
    "seal",
    "sheep",
    "beetle",
    "swan",
    "tiger",
    "whale",
    "wolf", //
    "apple",
    "bean",
    "berry",
    "bread",
    "butter",
    "cake",
    "carrot",
    "cheese", //
    "cherry",
    "corn",
    "egg",
    "grape",
    "honey",
    "jam",
    "lemon",
    "lime", //
    "melon",
    "milk",
    "nut",
    "onion",
    "orange",
    "pasta",
    "mango",
    "apricot", //
    "pepper",
    "pie",
    "kiwi",
    "rice",
    "salt",
    "soup",
    "sugar",
    "waffle", //
    "beach",
    "cliff",
    "cloud",
    "coast",
    "desert",
    "field",
    "flower",
    "forest", //
    "glacier",
    "garden",
    "grass",
    "hill",
    "island",
    "lagoon",
    "leaf",
    "meadow", //
    "moon",
    "mountain",
    "ocean",
    "pebble",
    "pond",
    "rain",
    "river",
    "rock", //
    "sand",
    "sky",
    "snow",
    "star",
    "storm",
    "stream",
    "sun",
    "valley", //
    "anchor",
    "arrow",
    "basket",
    "bugle",
    "blanket",
    "boat",
    "book",
    "bottle", //
    "bridge",
    "brush",
    "bucket",
    "button",
    "candle",
    "castle",
    "stool",
    "watch", //
    "coin",
    "crown",
    "cup",
    "desk",
    "door",
    "drum",
    "feather",
    "flag", //
    "fork",
    "glove",
    "hammer",
    "hat",
    "helmet",
    "kettle",
    "padlock",
    "ladder", //
    "lamp",
    "lantern",
    "map",
    "mirror",
    "needle",
    "paddle",
    "pencil",
    "piano", //
    "pillow",
    "pocket",
    "rocket",
    "rope",
    "saddle",
    "scarf",
    "shell",
    "shield", //
    "sandal",
    "ladle",
    "stamp",
    "table",
    "tent",
    "ticket",
    "torch",
    "towel", //
    "tower",
    "tram",
    "trumpet",
    "tunnel",
    "umbrella",
    "violin",
    "wagon",
    "wheel", //
    "amber",
    "brave",
    "bright",
    "calm",
    "clever",
    "cosy",
    "crisp",
    "eager", //
    "fancy",
    "gentle",
    "golden",
    "happy",
    "jolly",
    "kind",
    "lively",
    "lucky", //
    "merry",
    "noble",
    "polite",
    "proud",
    "quick",
    "quiet",
    "rapid",
    "shiny", //
    "silver",
    "smooth",
    "steady",
    "sunny",
    "swift",
    "tidy",
    "velvet",
    "witty", //
    "attic",
    "barn",
    "cabin",
    "canal",
    "chapel",
    "city",
    "cottage",
    "farm", //
    "garage",
    "harbour",
    "hotel",
    "kitchen",
    "library",
    "market",
    "museum",
    "office", //
    "palace",
    "park",
    "school",
    "shop",
    "square",
    "station",
    "street",
    "temple", //
    "theatre",
    "village",
    "cellar",
    "lighthouse",
    "forge",
    "orchard",
    "stable",
    "yard", //
    "ball",
    "banjo",
    "bicycle",
    "camera",
    "canoe",
    "circus",
    "comet",
    "compass", //
    "dragon",
    "engine",
    "falcon",
    "giant",
    "guitar",
    "jigsaw",
    "juggler",
    "kite", //
    "knight",
    "magnet",
    "medal",
    "parade",
    "pirate",
    "planet",
    "puzzle",
    "rainbow", //
    "sailor",
    "statue",
    "jumper",
    "teapot",
    "thunder",
    "tractor",
    "wizard",
    "yacht", //
];

/// Eight words, one for each of the first eight bytes of `digest`.
pub fn fingerprint_words(digest: &[u8; 32]) -> String {
    digest[..8]
        .iter()
        .map(|byte| WORDS[usize::from(*byte)])
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_are_distinct_short_and_plain() {
        let mut sorted = WORDS.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), 256, "every word once");
        for word in WORDS {
            assert!(
                word.len() <= 10 && word.chars().all(|c| c.is_ascii_lowercase()),
                "{word}"
            );
        }
    }
}
