//! What a key press means to the reader outside the outline tree (whose keys
//! are [`crate::outline::TreeKey`]): in the keyword input, and anywhere in the
//! reader. Decided here, in plain Rust, so the rules are tested natively;
//! components only read the key off the event and act on the answer.

use crate::reader::Action;

/// A key press as the browser reports it (`KeyboardEvent.key` and modifiers).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KeyPress {
    pub key: String,
    pub shift: bool,
    /// Ctrl, Alt or Meta held: a shortcut of the browser or the system, not ours.
    pub command: bool,
    /// The key confirms or edits an input-method composition (Chinese, Japanese…).
    pub composing: bool,
    /// Pressed in a text field, where `?` and `/` are typing.
    pub in_text_field: bool,
}

/// What a key in the keyword input does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputKey {
    /// Enter with text typed: add it as a keyword.
    AddDraft,
    /// Enter in the empty input, or Shift+Enter: the next or previous match.
    Step { forward: bool },
    /// Backspace in the empty input: remove the last keyword.
    RemoveLast,
    /// Escape with text typed: empty the input (and nothing else, so a second
    /// Escape is what closes panels).
    ClearDraft,
}

impl InputKey {
    /// The meaning of `press` in the keyword input holding `draft`; `None`
    /// leaves the key to the input (typing) and to the reader (Escape).
    pub fn of(press: &KeyPress, draft: &str) -> Option<InputKey> {
        // Enter that confirms an input-method candidate is the IME's, not ours.
        if press.composing || press.command {
            return None;
        }
        let empty = draft.is_empty();
        match press.key.as_str() {
            "Enter" if !empty && !press.shift => Some(InputKey::AddDraft),
            "Enter" => Some(InputKey::Step {
                forward: !press.shift,
            }),
            "Backspace" if empty => Some(InputKey::RemoveLast),
            "Escape" if !empty => Some(InputKey::ClearDraft),
            _ => None,
        }
    }

    /// The reader action, if the key has one (emptying the input is the input's own).
    pub fn action(self) -> Option<Action> {
        match self {
            InputKey::AddDraft | InputKey::ClearDraft => None,
            InputKey::Step { forward } => Some(Action::StepMatch { forward }),
            InputKey::RemoveLast => Some(Action::RemoveLastKeyword),
        }
    }
}

/// What a key pressed anywhere in the reader does, once the input and the
/// outline tree have had their say. Only keys pressed inside the reader count,
/// never the page's: several readers must not all answer one key. Every key
/// here is listed in the help ([`crate::i18n::Labels::shortcuts`]).
pub fn reader_action(press: &KeyPress) -> Option<Action> {
    if press.composing || press.command {
        return None;
    }
    match press.key.as_str() {
        "F3" => Some(Action::StepMatch {
            forward: !press.shift,
        }),
        "Escape" => Some(Action::Escape),
        // A Chinese keyboard layout gives the full-width question mark.
        "?" | "？" if !press.in_text_field => Some(Action::ToggleHelp),
        "/" if !press.in_text_field => Some(Action::FocusKeywordInput),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn press(key: &str) -> KeyPress {
        KeyPress {
            key: key.to_string(),
            ..KeyPress::default()
        }
    }

    fn shifted(key: &str) -> KeyPress {
        KeyPress {
            shift: true,
            ..press(key)
        }
    }

    #[test]
    fn enter_adds_what_was_typed() {
        assert_eq!(
            InputKey::of(&press("Enter"), "人才"),
            Some(InputKey::AddDraft)
        );
        assert_eq!(InputKey::AddDraft.action(), None);
    }

    #[test]
    fn enter_in_the_empty_input_and_shift_enter_step_through_matches() {
        assert_eq!(
            InputKey::of(&press("Enter"), "").and_then(InputKey::action),
            Some(Action::StepMatch { forward: true })
        );
        assert_eq!(
            InputKey::of(&shifted("Enter"), "人才").and_then(InputKey::action),
            Some(Action::StepMatch { forward: false })
        );
    }

    #[test]
    fn backspace_removes_the_last_keyword_only_when_nothing_is_typed() {
        assert_eq!(
            InputKey::of(&press("Backspace"), "").and_then(InputKey::action),
            Some(Action::RemoveLastKeyword)
        );
        assert_eq!(InputKey::of(&press("Backspace"), "人"), None);
    }

    #[test]
    fn escape_empties_the_input_first_then_reaches_the_reader() {
        assert_eq!(
            InputKey::of(&press("Escape"), "人才"),
            Some(InputKey::ClearDraft)
        );
        assert_eq!(InputKey::of(&press("Escape"), ""), None);
        assert_eq!(reader_action(&press("Escape")), Some(Action::Escape));
    }

    #[test]
    fn input_method_and_shortcut_keys_are_not_ours() {
        let composing = KeyPress {
            composing: true,
            ..press("Enter")
        };
        assert_eq!(InputKey::of(&composing, "rencai"), None);
        assert_eq!(
            reader_action(&KeyPress {
                composing: true,
                ..press("Escape")
            }),
            None
        );
        let ctrl = KeyPress {
            command: true,
            ..press("Backspace")
        };
        assert_eq!(InputKey::of(&ctrl, ""), None);
    }

    #[test]
    fn f3_steps_forward_and_shift_f3_back() {
        assert_eq!(
            reader_action(&press("F3")),
            Some(Action::StepMatch { forward: true })
        );
        assert_eq!(
            reader_action(&shifted("F3")),
            Some(Action::StepMatch { forward: false })
        );
        assert_eq!(reader_action(&press("a")), None);
    }

    #[test]
    fn question_mark_opens_the_help_and_slash_the_keyword_input() {
        assert_eq!(reader_action(&shifted("?")), Some(Action::ToggleHelp));
        assert_eq!(reader_action(&press("？")), Some(Action::ToggleHelp));
        assert_eq!(reader_action(&press("/")), Some(Action::FocusKeywordInput));
    }

    #[test]
    fn question_mark_and_slash_are_typing_in_a_text_field() {
        for key in ["?", "/"] {
            let typed = KeyPress {
                in_text_field: true,
                ..press(key)
            };
            assert_eq!(reader_action(&typed), None, "{key}");
        }
        let escape = KeyPress {
            in_text_field: true,
            ..press("Escape")
        };
        assert_eq!(reader_action(&escape), Some(Action::Escape));
    }

    /// The help lists every key the reader answers, in both languages: a key
    /// added here without a line in the help fails.
    #[test]
    fn the_help_lists_every_reader_key() {
        let named = [
            "F1", "F3", "Escape", "Enter", "Tab", "Home", "End", "Delete",
        ];
        let printable = (' '..='~').map(String::from).chain(["？".to_string()]);
        let answered: Vec<String> = named
            .iter()
            .map(|k| k.to_string())
            .chain(printable)
            .filter(|key| reader_action(&press(key)).is_some())
            .collect();
        assert_eq!(answered, ["F3", "Escape", "/", "?", "？"]);
        for lang in [Lang::Zh, Lang::En] {
            let anywhere = &lang.labels().shortcuts[0];
            let listed: Vec<&str> = anywhere.shortcuts.iter().map(|s| s.keys).collect();
            for key in &answered {
                let shown = match key.as_str() {
                    "Escape" => "Esc",
                    "？" => "?",
                    other => other,
                };
                assert!(
                    listed
                        .iter()
                        .any(|keys| keys.split(' ').any(|k| k == shown)),
                    "{key} is not in the {lang:?} help: {listed:?}"
                );
            }
        }
    }
}
