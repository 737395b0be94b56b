//! Deterministic made-up text: a small random generator, filler words, glossary names, dates.

/// Filler words for running text: lowercase, so that they never match a glossary name.
const WORDS: [&str; 48] = [
    "the",
    "region",
    "officials",
    "said",
    "that",
    "forces",
    "had",
    "moved",
    "towards",
    "a",
    "road",
    "near",
    "village",
    "after",
    "talks",
    "stalled",
    "in",
    "late",
    "autumn",
    "while",
    "observers",
    "reported",
    "new",
    "shelling",
    "and",
    "residents",
    "left",
    "their",
    "homes",
    "for",
    "safer",
    "towns",
    "across",
    "mountain",
    "passes",
    "as",
    "aid",
    "convoys",
    "waited",
    "at",
    "checkpoints",
    "under",
    "tight",
    "control",
    "of",
    "patrols",
    "on",
    "both",
];

/// A small deterministic generator (xorshift64*), so that every run writes the same site.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// `count` words of filler text.
    pub fn words(&mut self, count: usize) -> String {
        let words: Vec<&str> = (0..count).map(|_| WORDS[self.below(WORDS.len())]).collect();
        words.join(" ")
    }
}

/// The capitalised, made-up name of glossary term `i`: three consonant-vowel syllables,
/// unique for every `i` below 274,625 and never an English word of the filler text.
pub fn term_name(i: usize) -> String {
    const CONSONANTS: &[u8] = b"bdgklmnprstvz";
    const VOWELS: &[u8] = b"aeiou";
    let syllables = CONSONANTS.len() * VOWELS.len();
    let mut n = i * 7919 % syllables.pow(3);
    let mut name = String::new();
    for _ in 0..3 {
        let s = n % syllables;
        n /= syllables;
        name.push(char::from(CONSONANTS[s / VOWELS.len()]));
        name.push(char::from(VOWELS[s % VOWELS.len()]));
    }
    let mut chars = name.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

/// The alias of every fifth term: the name with a suffix, in another language.
pub fn alias_name(i: usize) -> Option<String> {
    i.is_multiple_of(5).then(|| format!("{}stan", term_name(i)))
}

/// A random day in `years` years from `from_year`.
pub fn date(rng: &mut Rng, from_year: usize, years: usize) -> String {
    format!(
        "{}-{:02}-{:02}",
        from_year + rng.below(years),
        1 + rng.below(12),
        1 + rng.below(28)
    )
}
