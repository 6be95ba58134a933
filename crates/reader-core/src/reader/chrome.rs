//! The reader's chrome: what is open (the keyword bar, the sheets that hang
//! under the toolbar, the outline drawer, the keyboard help) and the rules
//! that open and close it. On a phone at most one sheet covers the text;
//! Escape closes the innermost thing first; a press outside a sheet closes it;
//! and whatever closes says where keyboard focus goes next, so it never falls
//! to the page's `<body>`.

use super::ReaderState;

/// Something that opens over or beside the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Surface {
    /// The keyboard help sheet.
    Help,
    /// The reading settings sheet.
    Settings,
    /// The sheet of suggested keywords.
    Suggestions,
    /// The outline: a drawer over the text when narrow, beside it when wide.
    Drawer,
    /// The keyword bar: behind the search button when narrow, always there when wide.
    SearchBar,
}

/// Innermost first: the order Escape closes things in.
const INNERMOST_FIRST: [Surface; 5] = [
    Surface::Help,
    Surface::Settings,
    Surface::Suggestions,
    Surface::Drawer,
    Surface::SearchBar,
];

/// The sheets over the text, of which a phone shows one at a time (and any
/// screen one of those under the toolbar).
const SHEETS: [Surface; 4] = [
    Surface::Help,
    Surface::Settings,
    Surface::Suggestions,
    Surface::Drawer,
];

/// How far, in CSS pixels, a finger must move across the drawer to close it.
pub const SWIPE_MIN_PX: f64 = 60.0;

/// Whether a finger that moved by (`dx`, `dy`) swiped across (closing the
/// drawer) rather than scrolled: far enough, and mostly sideways.
pub fn is_swipe_across(dx: f64, dy: f64) -> bool {
    dx.abs() >= SWIPE_MIN_PX && dx.abs() > 2.0 * dy.abs()
}

/// Which item of a list takes focus when item `removed` is gone and
/// `remaining` are left: the one that took its place, else the new last one;
/// `None` when the list is empty (focus goes to what the list belongs to).
pub fn focus_after_removal(removed: usize, remaining: usize) -> Option<usize> {
    remaining.checked_sub(1).map(|last| removed.min(last))
}

/// Where keyboard focus should go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FocusTarget {
    /// The button that opens this surface (or the reader itself, for the
    /// help, which a key opens), if focus was lost when it closed (it was
    /// inside, or nowhere); focus a press put elsewhere stays there.
    OpenerOf(Surface),
    /// The keyword input, in any case.
    KeywordInput,
}

/// A request to move keyboard focus; `seq` grows with every request, so the
/// same request twice still moves focus twice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FocusRequest {
    pub target: FocusTarget,
    pub seq: u32,
}

impl ReaderState {
    /// Whether the keyword bar shows: as set, else when wide.
    pub fn search_shown(&self) -> bool {
        self.search_open.unwrap_or(!self.narrow)
    }

    /// Whether `surface` shows now.
    pub fn is_open(&self, surface: Surface) -> bool {
        match surface {
            Surface::Help => self.help_open,
            Surface::Settings => self.settings_open,
            Surface::Suggestions => self.suggestions_open && self.search_shown(),
            Surface::Drawer => self.outline_shown(),
            Surface::SearchBar => self.search_shown(),
        }
    }

    /// Whether `surface` is open and is something Escape or a press outside
    /// closes: the outline and the keyword bar are part of the layout when
    /// wide, and stay.
    fn dismissable(&self, surface: Surface) -> bool {
        self.is_open(surface)
            && (self.narrow || !matches!(surface, Surface::Drawer | Surface::SearchBar))
    }

    fn set_open(&mut self, surface: Surface, open: bool) {
        if open {
            // One sheet at a time over the text (the outline is one only when narrow).
            for sheet in SHEETS {
                if sheet != surface && SHEETS.contains(&surface) && self.dismissable(sheet) {
                    self.set_open(sheet, false);
                }
            }
        }
        match surface {
            Surface::Help => self.help_open = open,
            Surface::Settings => self.settings_open = open,
            Surface::Suggestions => self.suggestions_open = open,
            Surface::Drawer => self.outline_open = Some(open),
            Surface::SearchBar => {
                self.search_open = Some(open);
                if !open {
                    self.suggestions_open = false;
                }
            }
        }
    }

    /// A toggle button was pressed (focus is on it, and stays).
    pub(super) fn toggle(&mut self, surface: Surface) {
        let open = !self.is_open(surface);
        self.set_open(surface, open);
    }

    pub(super) fn set_outline_open(&mut self, open: bool) {
        self.set_open(Surface::Drawer, open);
    }

    /// Closes `surface`, and sends focus back to the button that opened it.
    pub(super) fn dismiss(&mut self, surface: Surface) {
        if self.is_open(surface) {
            self.set_open(surface, false);
            self.request_focus(FocusTarget::OpenerOf(surface));
        }
    }

    pub(super) fn escape(&mut self) {
        if let Some(surface) = INNERMOST_FIRST.into_iter().find(|&s| self.dismissable(s)) {
            self.dismiss(surface);
        }
    }

    pub(super) fn press_outside(&mut self, inside: Option<Surface>) {
        for sheet in SHEETS {
            if Some(sheet) != inside && self.dismissable(sheet) {
                self.dismiss(sheet);
            }
        }
    }

    /// Whether a sheet is open that a press outside would close.
    pub fn sheet_open(&self) -> bool {
        SHEETS.into_iter().any(|s| self.dismissable(s))
    }

    /// Whether the outline is open as a drawer over the text.
    pub fn drawer_over_text(&self) -> bool {
        self.dismissable(Surface::Drawer)
    }

    pub(super) fn focus_keyword_input(&mut self) {
        if self.help_open {
            self.set_open(Surface::Help, false);
        }
        if !self.search_shown() {
            self.set_open(Surface::SearchBar, true);
        }
        self.request_focus(FocusTarget::KeywordInput);
    }

    /// Closes the outline where it is a drawer over the text (narrow layouts);
    /// beside the text, it stays. Focus goes where the reader went.
    pub(super) fn leave_drawer(&mut self) {
        if self.narrow && self.outline_shown() {
            self.outline_open = Some(false);
        }
    }

    fn request_focus(&mut self, target: FocusTarget) {
        let seq = self.focus_request.map_or(0, |r| r.seq.wrapping_add(1));
        self.focus_request = Some(FocusRequest { target, seq });
    }
}

#[cfg(test)]
mod tests {
    use super::super::Action;
    use super::*;

    fn phone() -> ReaderState {
        let mut state = ReaderState::default();
        state.apply(Action::SetNarrow(true));
        state
    }

    fn wide() -> ReaderState {
        let mut state = ReaderState::default();
        state.apply(Action::SetNarrow(false));
        state
    }

    fn open(state: &ReaderState) -> Vec<Surface> {
        INNERMOST_FIRST
            .into_iter()
            .filter(|&s| state.is_open(s))
            .collect()
    }

    fn focus_target(state: &ReaderState) -> Option<FocusTarget> {
        state.focus_request.map(|r| r.target)
    }

    #[test]
    fn a_swipe_is_far_and_mostly_sideways() {
        assert!(is_swipe_across(-80.0, 10.0));
        assert!(is_swipe_across(90.0, -30.0));
        assert!(!is_swipe_across(40.0, 0.0), "too short");
        assert!(!is_swipe_across(70.0, 50.0), "a diagonal scroll");
        assert!(!is_swipe_across(0.0, 300.0), "scrolling the drawer");
    }

    #[test]
    fn focus_after_removal_takes_the_next_item_then_the_last() {
        assert_eq!(focus_after_removal(0, 2), Some(0));
        assert_eq!(focus_after_removal(1, 2), Some(1));
        assert_eq!(
            focus_after_removal(2, 2),
            Some(1),
            "the last one was removed"
        );
        assert_eq!(focus_after_removal(0, 0), None);
    }

    #[test]
    fn a_phone_starts_with_only_the_text_and_a_wide_reader_with_its_bars() {
        assert_eq!(open(&phone()), []);
        assert_eq!(open(&wide()), [Surface::Drawer, Surface::SearchBar]);
    }

    #[test]
    fn escape_closes_the_innermost_first_and_focus_goes_back_to_each_opener() {
        let mut state = phone();
        state.apply(Action::ToggleSearch);
        state.apply(Action::ToggleSettings);
        state.apply(Action::ToggleHelp);
        assert_eq!(open(&state), [Surface::Help, Surface::SearchBar]);
        state.apply(Action::Escape);
        assert_eq!(open(&state), [Surface::SearchBar]);
        assert_eq!(
            focus_target(&state),
            Some(FocusTarget::OpenerOf(Surface::Help))
        );
        state.apply(Action::SetOutlineOpen(true));
        assert_eq!(open(&state), [Surface::Drawer, Surface::SearchBar]);
        state.apply(Action::Escape);
        assert_eq!(open(&state), [Surface::SearchBar]);
        assert_eq!(
            focus_target(&state),
            Some(FocusTarget::OpenerOf(Surface::Drawer))
        );
        state.apply(Action::Escape);
        assert_eq!(open(&state), []);
        assert_eq!(
            focus_target(&state),
            Some(FocusTarget::OpenerOf(Surface::SearchBar))
        );
        let before = state.focus_request;
        state.apply(Action::Escape);
        assert_eq!(state.focus_request, before, "nothing left to close");
    }

    #[test]
    fn escape_closes_sheets_before_the_bar_that_holds_them() {
        let mut state = phone();
        state.apply(Action::ToggleSearch);
        state.apply(Action::ToggleSuggestions);
        state.apply(Action::Escape);
        assert_eq!(open(&state), [Surface::SearchBar]);
        assert_eq!(
            focus_target(&state),
            Some(FocusTarget::OpenerOf(Surface::Suggestions))
        );
        state.apply(Action::ToggleSettings);
        state.apply(Action::Escape);
        assert_eq!(open(&state), [Surface::SearchBar]);
    }

    #[test]
    fn when_wide_escape_leaves_the_outline_and_the_keyword_bar() {
        let mut state = wide();
        state.apply(Action::ToggleSettings);
        state.apply(Action::Escape);
        state.apply(Action::Escape);
        assert_eq!(open(&state), [Surface::Drawer, Surface::SearchBar]);
    }

    #[test]
    fn a_phone_shows_one_sheet_at_a_time() {
        let mut state = phone();
        state.apply(Action::ToggleSearch);
        state.apply(Action::SetOutlineOpen(true));
        state.apply(Action::ToggleSettings);
        assert_eq!(open(&state), [Surface::Settings, Surface::SearchBar]);
        state.apply(Action::ToggleSuggestions);
        assert_eq!(open(&state), [Surface::Suggestions, Surface::SearchBar]);
        state.apply(Action::SetOutlineOpen(true));
        assert_eq!(open(&state), [Surface::Drawer, Surface::SearchBar]);
        // Wide, the outline is beside the text and stays.
        let mut state = wide();
        state.apply(Action::ToggleSettings);
        assert!(state.is_open(Surface::Drawer));
    }

    #[test]
    fn a_press_outside_closes_the_sheets_it_missed() {
        let mut state = phone();
        state.apply(Action::SetOutlineOpen(true));
        state.apply(Action::PressOutside {
            inside: Some(Surface::Drawer),
        });
        assert!(state.is_open(Surface::Drawer), "a press inside keeps it");
        state.apply(Action::PressOutside { inside: None });
        assert!(!state.is_open(Surface::Drawer));
        assert_eq!(
            focus_target(&state),
            Some(FocusTarget::OpenerOf(Surface::Drawer))
        );
        state.apply(Action::ToggleHelp);
        state.apply(Action::PressOutside {
            inside: Some(Surface::Help),
        });
        assert!(state.is_open(Surface::Help));
        state.apply(Action::PressOutside { inside: None });
        assert!(!state.is_open(Surface::Help));
        let mut state = wide();
        state.apply(Action::ToggleSettings);
        state.apply(Action::PressOutside { inside: None });
        assert_eq!(open(&state), [Surface::Drawer, Surface::SearchBar]);
    }

    #[test]
    fn a_swipe_closes_the_drawer_and_focus_goes_back_to_its_button() {
        let mut state = phone();
        state.apply(Action::SetOutlineOpen(true));
        state.apply(Action::Dismiss(Surface::Drawer));
        assert!(!state.is_open(Surface::Drawer));
        assert_eq!(
            focus_target(&state),
            Some(FocusTarget::OpenerOf(Surface::Drawer))
        );
    }

    #[test]
    fn slash_shows_the_keyword_bar_and_asks_for_its_input() {
        let mut state = phone();
        state.apply(Action::ToggleHelp);
        state.apply(Action::FocusKeywordInput);
        assert_eq!(open(&state), [Surface::SearchBar]);
        assert_eq!(focus_target(&state), Some(FocusTarget::KeywordInput));
        let first = state.focus_request.unwrap().seq;
        state.apply(Action::FocusKeywordInput);
        assert_eq!(
            state.focus_request.unwrap().seq,
            first + 1,
            "asking again moves focus again"
        );
    }

    #[test]
    fn hiding_the_keyword_bar_hides_its_suggestions() {
        let mut state = wide();
        state.apply(Action::ToggleSuggestions);
        assert!(state.is_open(Surface::Suggestions));
        state.apply(Action::ToggleSearch);
        assert_eq!(open(&state), [Surface::Drawer]);
        state.apply(Action::ToggleSearch);
        assert!(!state.is_open(Surface::Suggestions), "it stays closed");
    }

    #[test]
    fn going_somewhere_from_the_drawer_closes_it_without_calling_focus_back() {
        let mut state = phone();
        state.apply(Action::SetOutlineOpen(true));
        state.apply(Action::GoTo {
            node: 0,
            smooth: false,
        });
        assert!(!state.is_open(Surface::Drawer));
        assert_eq!(state.focus_request, None, "focus goes to the heading");
    }
}
