//! Which node is being read, from where its anchors sit on screen.
//!
//! The node being read is the last one whose anchor (heading or point start) is
//! at or above the *reading line*. The line sits just under the sticky toolbar;
//! over the article's last screen it sweeps down to the bottom of the viewport,
//! so that a short last section, which can never reach the top, still becomes
//! current before the page ends (tocbot's long-standing bug).

/// Slack, in CSS pixels: a heading brought just under the toolbar (by us, by
/// the browser's find, or by a link) is current even if the bar's height
/// changed a little since the scroll margin was measured.
const SLACK: f64 = 24.0;

/// The reading line, in viewport pixels from the top of the window.
///
/// `top_inset`: where the visible text begins (under sticky bars).
/// `view_bottom`: where it ends (the window's height, or the bottom of the
/// host's scrolling container when that is higher).
/// `article_bottom`: the article's bottom edge.
pub fn reading_line(top_inset: f64, view_bottom: f64, article_bottom: f64) -> f64 {
    let span = (view_bottom - top_inset).max(1.0);
    let below = article_bottom - view_bottom;
    let progress = (1.0 - below / span).clamp(0.0, 1.0);
    top_inset + span * progress
}

/// Which of `count` anchors, in document order, is being read: the last whose
/// top (`top_of(i)`, in viewport pixels) is at or above the line. Tops grow in
/// document order, so this measures only O(log n) anchors per scroll.
pub fn active_index(
    count: usize,
    mut top_of: impl FnMut(usize) -> f64,
    line: f64,
) -> Option<usize> {
    let above = partition_point(count, |i| top_of(i) <= line + SLACK);
    above.checked_sub(1)
}

/// [`active_index`] in two steps: first among the top-level anchors (`roots`,
/// ascending indexes into the `count` anchors), then only inside the top-level
/// node found. A long article lays out only the sections near the view (the
/// rest are `content-visibility: auto`), and this measures anchors there, so
/// the spy never forces far sections into layout.
pub fn active_in_tree(
    roots: &[usize],
    count: usize,
    mut top_of: impl FnMut(usize) -> f64,
    line: f64,
) -> Option<usize> {
    let root = active_index(roots.len(), |i| top_of(roots[i]), line)?;
    let start = roots[root];
    let end = roots.get(root + 1).copied().unwrap_or(count);
    active_index(end - start, |i| top_of(start + i), line).map(|i| start + i)
}

/// The first index in `0..count` for which `pred` is false (`pred` holds on a prefix).
fn partition_point(count: usize, mut pred: impl FnMut(usize) -> bool) -> usize {
    let (mut low, mut high) = (0, count);
    while low < high {
        let mid = low + (high - low) / 2;
        if pred(mid) {
            low = mid + 1;
        } else {
            high = mid;
        }
    }
    low
}

/// The scroll position that shows an item inside a scrolling panel, or `None`
/// when it is already in view. Lengths are relative to the panel's content.
pub fn reveal_in_panel(
    scroll_top: f64,
    panel_height: f64,
    item_top: f64,
    item_height: f64,
) -> Option<f64> {
    if item_top < scroll_top {
        Some(item_top)
    } else if item_top + item_height > scroll_top + panel_height {
        Some(item_top + item_height - panel_height)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_sits_under_the_toolbar_until_the_last_screen() {
        assert_eq!(reading_line(50.0, 800.0, 5000.0), 50.0);
        assert_eq!(reading_line(50.0, 800.0, 1550.0), 50.0);
        // Halfway through the last screen, halfway down.
        assert_eq!(reading_line(50.0, 800.0, 1175.0), 425.0);
        // At the end of the article, the bottom of the viewport.
        assert_eq!(reading_line(50.0, 800.0, 800.0), 800.0);
        assert_eq!(reading_line(50.0, 800.0, 300.0), 800.0);
    }

    fn active(tops: &[f64], line: f64) -> Option<usize> {
        active_index(tops.len(), |i| tops[i], line)
    }

    #[test]
    fn the_last_anchor_above_the_line_is_active() {
        let tops = [-900.0, -20.0, 70.0, 600.0];
        assert_eq!(active(&tops, 50.0), Some(2), "within the slack");
        assert_eq!(active(&tops, 40.0), Some(1));
        assert_eq!(active(&tops, 800.0), Some(3));
        assert_eq!(active(&[300.0], 50.0), None, "above the first heading");
        assert_eq!(active(&[], 50.0), None);
    }

    #[test]
    fn only_a_few_anchors_are_measured() {
        let tops: Vec<f64> = (0..10_000)
            .map(|i| f64::from(i) * 100.0 - 500_000.0)
            .collect();
        let mut measured = 0;
        let found = active_index(
            tops.len(),
            |i| {
                measured += 1;
                tops[i]
            },
            50.0,
        );
        assert_eq!(found, Some(5000));
        assert!(measured <= 15, "{measured} measurements");
    }

    #[test]
    fn two_levels_find_the_same_anchor_and_measure_only_near_ones() {
        // Two top-level sections of five anchors each; the line is in the second.
        let tops = [
            -900.0, -800.0, -700.0, -600.0, -500.0, -100.0, -50.0, 10.0, 400.0, 900.0,
        ];
        let roots = [0, 5];
        let mut measured = Vec::new();
        let found = active_in_tree(
            &roots,
            tops.len(),
            |i| {
                measured.push(i);
                tops[i]
            },
            0.0,
        );
        assert_eq!(found, active(&tops, 0.0));
        assert!(
            measured.iter().all(|&i| i == 0 || i >= 5),
            "nothing inside the first section: {measured:?}"
        );
        assert_eq!(
            active_in_tree(&roots, tops.len(), |i| tops[i] + 2000.0, 0.0),
            None
        );
    }

    #[test]
    fn a_short_last_section_becomes_active_at_the_end() {
        // The last heading can only scroll up to 650 px: at the end it is current.
        let tops = [-400.0, 650.0];
        let line_mid = reading_line(50.0, 800.0, 1400.0);
        assert_eq!(active(&tops, line_mid), Some(0));
        let line_end = reading_line(50.0, 800.0, 800.0);
        assert_eq!(active(&tops, line_end), Some(1));
    }

    #[test]
    fn panel_scrolls_only_when_needed() {
        assert_eq!(reveal_in_panel(0.0, 300.0, 100.0, 20.0), None);
        assert_eq!(reveal_in_panel(0.0, 300.0, 400.0, 20.0), Some(120.0));
        assert_eq!(reveal_in_panel(200.0, 300.0, 150.0, 20.0), Some(150.0));
    }
}
