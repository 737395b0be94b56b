//! "Did you mean" help for misspelt names: keys, columns, keywords, ids and paths.
//!
//! Every error about an unknown name goes through here, so that all of them suggest
//! the same way and none formats its own advice.

/// How alike two names must be (Jaro-Winkler, 0 to 1) for one to be offered for the other.
const THRESHOLD: f64 = 0.8;

/// The candidate closest to `word`, when one is close enough to be a likely typo.
pub fn did_you_mean<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    nearest(word, candidates.iter().copied()).into_iter().next()
}

/// Up to three candidates close to `word`, the closest first.
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut scored: Vec<(f64, &str)> = candidates
        .into_iter()
        .map(|candidate| (strsim::jaro_winkler(word, candidate), candidate))
        .filter(|(score, candidate)| *score > THRESHOLD && *candidate != word)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(3).map(|(_, c)| c).collect()
}

/// "did you mean `x`?" (or "`x` or `y`?"), else what `otherwise` says.
pub fn help(word: &str, candidates: &[&str], otherwise: impl FnOnce() -> String) -> String {
    match did_you_mean(word, candidates) {
        Some(close) => format!("did you mean `{close}`?"),
        None => otherwise(),
    }
}

/// The advice for a name from a short fixed list: the nearest one, else the whole list.
pub fn one_of(word: &str, candidates: &[&str]) -> String {
    help(word, candidates, || {
        format!("use one of: {}", candidates.join(", "))
    })
}

/// "did you mean `a` or `b`?" for a list of close names; `None` when there are none.
pub fn question(close: &[&str]) -> Option<String> {
    let quoted: Vec<String> = close.iter().map(|c| format!("`{c}`")).collect();
    match quoted.as_slice() {
        [] => None,
        [one] => Some(format!("did you mean {one}?")),
        [rest @ .., last] => Some(format!("did you mean {} or {last}?", rest.join(", "))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offers_close_names_only() {
        let ids = ["karabakh-ombudsman", "karabakh-authorities", "tass"];
        assert_eq!(
            did_you_mean("karabakh-ombudsmen", &ids),
            Some("karabakh-ombudsman")
        );
        assert_eq!(did_you_mean("reuters", &ids), None);
    }

    #[test]
    fn lists_up_to_three_nearest() {
        let near = nearest("exodus", ["exodu", "exodus-2", "exodos", "war", "exoduss"]);
        assert_eq!(near.len(), 3);
        assert!(!near.contains(&"war"));
        assert_eq!(
            question(&["a", "b", "c"]).as_deref(),
            Some("did you mean `a`, `b` or `c`?")
        );
        assert_eq!(question(&[]), None);
    }

    #[test]
    fn falls_back_to_the_list() {
        assert_eq!(one_of("cty", &["city", "town"]), "did you mean `city`?");
        assert_eq!(one_of("zzz", &["city", "town"]), "use one of: city, town");
    }
}
