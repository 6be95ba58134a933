//! Reading settings, as in a browser's reader view: text size, width of the
//! text, line spacing, theme, typeface, and whether printing starts with a
//! table of contents.
//!
//! Three layers make what is shown: the defaults, the page's presets (the
//! element's attributes, [`SettingChoices::from_attributes`]) and the reader's
//! own choices, which win and are remembered per site, not per article: one
//! browser-storage value for every article of the site ([`STORAGE_KEY`]),
//! a versioned JSON [`Record`] like [`crate::saved`]'s. A stored value that is
//! missing, corrupt or of another version is ignored, and so is a setting in
//! it that names no choice.
//!
//! The browser applies settings as classes on the reader ([`ReadingSettings::classes`]),
//! never as inline styles, which a strict Content-Security-Policy forbids.

use serde::{Deserialize, Serialize};

use crate::json;

/// Where the reader's own choices live: one value for the whole site.
pub const STORAGE_KEY: &str = "article-reader:settings";
/// The version [`Record`]s are written with.
pub const VERSION: u32 = 1;

/// Text sizes, in percent of the reader's default; the settings step through them.
pub const FONT_SIZES: [u16; 7] = [80, 90, 100, 112, 125, 140, 160];
/// The index of 100 % in [`FONT_SIZES`].
pub const DEFAULT_FONT_SIZE: u8 = 2;

/// Colour scheme of the widget.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
    /// Dark brown on warm paper, for long reading.
    Sepia,
    /// Follows the reader's system setting (`prefers-color-scheme`).
    #[default]
    Auto,
}

/// How wide the lines of text may grow.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Width {
    Narrow,
    #[default]
    Medium,
    Wide,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LineSpacing {
    Tight,
    #[default]
    Normal,
    Loose,
}

/// The typeface of the text: sans-serif (黑体) or serif (宋体). Either way
/// Latin letters take a Latin font and Chinese a Chinese one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Font {
    #[default]
    Sans,
    Serif,
}

/// What every reader shows: each setting has a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReadingSettings {
    /// An index into [`FONT_SIZES`].
    pub font_size: u8,
    pub width: Width,
    pub line_spacing: LineSpacing,
    pub theme: Theme,
    pub font: Font,
    /// Printing starts with the outline as a table of contents.
    pub print_outline: bool,
}

impl Default for ReadingSettings {
    fn default() -> Self {
        ReadingSettings {
            font_size: DEFAULT_FONT_SIZE,
            width: Width::default(),
            line_spacing: LineSpacing::default(),
            theme: Theme::default(),
            font: Font::default(),
            print_outline: true,
        }
    }
}

/// One setting changed to one value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Setting {
    FontSize(u8),
    Width(Width),
    LineSpacing(LineSpacing),
    Theme(Theme),
    Font(Font),
    PrintOutline(bool),
}

/// Some settings chosen, the rest left open: the page's presets, or the
/// reader's own choices (what is stored).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SettingChoices {
    pub font_size: Option<u8>,
    pub width: Option<Width>,
    pub line_spacing: Option<LineSpacing>,
    pub theme: Option<Theme>,
    pub font: Option<Font>,
    pub print_outline: Option<bool>,
}

/// Calls `$each!(field)` for every setting, so rules that go field by field
/// cannot forget one.
macro_rules! each_setting {
    ($each:ident) => {
        $each!(font_size);
        $each!(width);
        $each!(line_spacing);
        $each!(theme);
        $each!(font);
        $each!(print_outline);
    };
}

impl ReadingSettings {
    /// The classes on the reader that make these settings show (reader.css).
    pub fn classes(&self) -> [&'static str; 5] {
        const SIZES: [&str; FONT_SIZES.len()] = [
            "ar-size-0",
            "ar-size-1",
            "ar-size-2",
            "ar-size-3",
            "ar-size-4",
            "ar-size-5",
            "ar-size-6",
        ];
        [
            match self.theme {
                Theme::Light => "ar-theme-light",
                Theme::Dark => "ar-theme-dark",
                Theme::Sepia => "ar-theme-sepia",
                Theme::Auto => "ar-theme-auto",
            },
            SIZES[usize::from(self.font_size).min(SIZES.len() - 1)],
            match self.width {
                Width::Narrow => "ar-width-narrow",
                Width::Medium => "ar-width-medium",
                Width::Wide => "ar-width-wide",
            },
            match self.line_spacing {
                LineSpacing::Tight => "ar-spacing-tight",
                LineSpacing::Normal => "ar-spacing-normal",
                LineSpacing::Loose => "ar-spacing-loose",
            },
            match self.font {
                Font::Sans => "ar-font-sans",
                Font::Serif => "ar-font-serif",
            },
        ]
    }

    /// The text size in percent of the default.
    pub fn font_percent(&self) -> u16 {
        FONT_SIZES[usize::from(self.font_size).min(FONT_SIZES.len() - 1)]
    }

    /// The next text size up (`larger`) or down, if there is one.
    pub fn font_step(&self, larger: bool) -> Option<u8> {
        let step = if larger {
            self.font_size.checked_add(1)?
        } else {
            self.font_size.checked_sub(1)?
        };
        (usize::from(step) < FONT_SIZES.len()).then_some(step)
    }

    pub fn set(&mut self, setting: Setting) {
        match setting {
            Setting::FontSize(step) => self.font_size = clamp_font_size(step),
            Setting::Width(width) => self.width = width,
            Setting::LineSpacing(spacing) => self.line_spacing = spacing,
            Setting::Theme(theme) => self.theme = theme,
            Setting::Font(font) => self.font = font,
            Setting::PrintOutline(on) => self.print_outline = on,
        }
    }
}

fn clamp_font_size(step: u8) -> u8 {
    step.min(FONT_SIZES.len() as u8 - 1)
}

impl SettingChoices {
    /// `base` with the settings chosen here put over it.
    pub fn over(&self, base: ReadingSettings) -> ReadingSettings {
        let mut settings = base;
        macro_rules! take {
            ($field:ident) => {
                if let Some(value) = self.$field {
                    settings.$field = value;
                }
            };
        }
        each_setting!(take);
        settings.font_size = clamp_font_size(settings.font_size);
        settings
    }

    pub fn set(&mut self, setting: Setting) {
        match setting {
            Setting::FontSize(step) => self.font_size = Some(clamp_font_size(step)),
            Setting::Width(width) => self.width = Some(width),
            Setting::LineSpacing(spacing) => self.line_spacing = Some(spacing),
            Setting::Theme(theme) => self.theme = Some(theme),
            Setting::Font(font) => self.font = Some(font),
            Setting::PrintOutline(on) => self.print_outline = Some(on),
        }
    }

    /// Puts into `shown` each setting that differs between `old` and `self`
    /// (a preset changed while the reader was open): the new value, or
    /// `fallback`'s where the preset was removed. Settings that did not
    /// change are left as shown.
    pub fn apply_changes(
        &self,
        old: &SettingChoices,
        fallback: ReadingSettings,
        shown: &mut ReadingSettings,
    ) {
        macro_rules! changed {
            ($field:ident) => {
                if self.$field != old.$field {
                    shown.$field = self.$field.unwrap_or(fallback.$field);
                }
            };
        }
        each_setting!(changed);
        shown.font_size = clamp_font_size(shown.font_size);
    }

    /// The presets an element's attributes give (README "Embedding"); a value
    /// we do not understand presets nothing.
    pub fn from_attributes(attribute: impl Fn(&str) -> Option<String>) -> SettingChoices {
        let read = |name: &str| attribute(name).map(|v| v.trim().to_ascii_lowercase());
        SettingChoices {
            font_size: read("font-size").and_then(|v| font_size_from_percent(&v)),
            width: read("content-width").and_then(|v| choice(&WIDTHS, &v)),
            line_spacing: read("line-spacing").and_then(|v| choice(&SPACINGS, &v)),
            theme: read("theme").and_then(|v| choice(&THEMES, &v)),
            font: read("font").and_then(|v| choice(&FONTS, &v)),
            print_outline: read("print-outline").and_then(|v| choice(&SWITCH, &v)),
        }
    }

    /// The value to store: a JSON [`Record`] of this version.
    pub fn to_stored(&self) -> String {
        let font_size = self
            .font_size
            .map(|step| FONT_SIZES[usize::from(clamp_font_size(step))].to_string());
        let pairs = [
            ("font-size", font_size),
            ("content-width", self.width.map(|v| word(&WIDTHS, v))),
            (
                "line-spacing",
                self.line_spacing.map(|v| word(&SPACINGS, v)),
            ),
            ("theme", self.theme.map(|v| word(&THEMES, v))),
            ("font", self.font.map(|v| word(&FONTS, v))),
            (
                "print-outline",
                self.print_outline.map(|v| word(&SWITCH, v)),
            ),
        ];
        let chosen = pairs
            .into_iter()
            .filter_map(|(name, value)| Some(format!("{name}={}", value?)))
            .collect();
        json::to_json(&Record(VERSION, chosen))
    }

    /// A stored value, if it is a [`Record`] of this version; a setting it
    /// names no choice for is left open, and one it does not know skipped.
    pub fn from_stored(text: &str) -> Option<SettingChoices> {
        let Record(version, chosen) = json::from_json::<Record>(text)?;
        (version == VERSION).then(|| {
            SettingChoices::from_attributes(|name| {
                chosen.iter().find_map(|pair| {
                    let (key, value) = pair.split_once('=')?;
                    (key == name).then(|| value.to_string())
                })
            })
        })
    }
}

/// The word for each choice of a setting, in attributes and in storage.
const THEMES: [(&str, Theme); 4] = [
    ("light", Theme::Light),
    ("dark", Theme::Dark),
    ("sepia", Theme::Sepia),
    ("auto", Theme::Auto),
];
const WIDTHS: [(&str, Width); 3] = [
    ("narrow", Width::Narrow),
    ("medium", Width::Medium),
    ("wide", Width::Wide),
];
const SPACINGS: [(&str, LineSpacing); 3] = [
    ("tight", LineSpacing::Tight),
    ("normal", LineSpacing::Normal),
    ("loose", LineSpacing::Loose),
];
const FONTS: [(&str, Font); 2] = [("sans", Font::Sans), ("serif", Font::Serif)];
const SWITCH: [(&str, bool); 2] = [("on", true), ("off", false)];

/// The choice `value` names, if any.
fn choice<T: Copy>(words: &[(&str, T)], value: &str) -> Option<T> {
    words
        .iter()
        .find(|(w, _)| *w == value)
        .map(|&(_, choice)| choice)
}

/// The word for `value`.
fn word<T: PartialEq>(words: &[(&'static str, T)], value: T) -> String {
    words
        .iter()
        .find(|(_, choice)| *choice == value)
        .map_or("", |(w, _)| w)
        .to_string()
}

/// `font-size="125"` or `"125%"`: the nearest step.
fn font_size_from_percent(value: &str) -> Option<u8> {
    let digits = value.trim().trim_end_matches('%').trim();
    let percent: u32 = digits.parse().ok()?;
    let nearest = FONT_SIZES
        .iter()
        .enumerate()
        .min_by_key(|(_, size)| u32::from(**size).abs_diff(percent))?;
    Some(nearest.0 as u8)
}

/// What is stored: the format's version, then the reader's choices as the
/// element's attributes would set them: `[1, ["theme=sepia", "font-size=125"]]`.
/// A pair list rather than a struct, for the bundle: its JSON reads with the
/// code that already reads `saved`'s lists, and later versions can add names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Record(u32, Vec<String>);

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn attrs(pairs: &[(&str, &str)]) -> SettingChoices {
        let map: HashMap<&str, &str> = pairs.iter().copied().collect();
        SettingChoices::from_attributes(|name| map.get(name).map(|v| v.to_string()))
    }

    #[test]
    fn attributes_preset_settings_and_odd_values_preset_nothing() {
        let preset = attrs(&[
            ("font-size", "125%"),
            ("content-width", " WIDE "),
            ("line-spacing", "loose"),
            ("theme", "Sepia"),
            ("font", "serif"),
            ("print-outline", "OFF"),
        ]);
        assert_eq!(
            preset.over(ReadingSettings::default()),
            ReadingSettings {
                font_size: 4,
                width: Width::Wide,
                line_spacing: LineSpacing::Loose,
                theme: Theme::Sepia,
                font: Font::Serif,
                print_outline: false,
            }
        );
        let odd = attrs(&[
            ("font-size", "huge"),
            ("content-width", "full"),
            ("theme", "purple"),
            ("print-outline", "maybe"),
        ]);
        assert_eq!(odd, SettingChoices::default());
        assert_eq!(attrs(&[]), SettingChoices::default());
    }

    #[test]
    fn font_sizes_snap_to_the_nearest_step() {
        assert_eq!(font_size_from_percent("100"), Some(DEFAULT_FONT_SIZE));
        assert_eq!(font_size_from_percent("118"), Some(3));
        assert_eq!(font_size_from_percent("10"), Some(0));
        assert_eq!(font_size_from_percent("1000 %"), Some(6));
        assert_eq!(font_size_from_percent("-5"), None);
    }

    #[test]
    fn there_are_at_least_five_sizes_and_steps_stop_at_the_ends() {
        assert!(FONT_SIZES.len() >= 5);
        let mut settings = ReadingSettings::default();
        assert_eq!(settings.font_percent(), 100);
        assert_eq!(settings.font_step(true), Some(3));
        settings.set(Setting::FontSize(0));
        assert_eq!(settings.font_step(false), None);
        settings.set(Setting::FontSize(200));
        assert_eq!(settings.font_size, 6, "clamped to the last step");
        assert_eq!(settings.font_step(true), None);
    }

    #[test]
    fn every_setting_shows_as_a_class() {
        let mut settings = ReadingSettings::default();
        assert_eq!(
            settings.classes(),
            [
                "ar-theme-auto",
                "ar-size-2",
                "ar-width-medium",
                "ar-spacing-normal",
                "ar-font-sans"
            ]
        );
        settings.set(Setting::Theme(Theme::Sepia));
        settings.set(Setting::FontSize(6));
        settings.set(Setting::Width(Width::Narrow));
        settings.set(Setting::LineSpacing(LineSpacing::Tight));
        settings.set(Setting::Font(Font::Serif));
        assert_eq!(
            settings.classes(),
            [
                "ar-theme-sepia",
                "ar-size-6",
                "ar-width-narrow",
                "ar-spacing-tight",
                "ar-font-serif"
            ]
        );
    }

    #[test]
    fn a_changed_preset_shows_and_a_removed_one_falls_back() {
        let old = attrs(&[("theme", "dark"), ("font-size", "100")]);
        let fallback = ReadingSettings {
            theme: Theme::Sepia,
            ..ReadingSettings::default()
        };
        // Shown: the reader's own wider text and the old preset's dark theme.
        let mut shown = ReadingSettings {
            width: Width::Wide,
            theme: Theme::Dark,
            ..ReadingSettings::default()
        };
        let new = attrs(&[("font-size", "140")]);
        new.apply_changes(&old, fallback, &mut shown);
        assert_eq!(shown.font_size, 5, "the changed preset shows");
        assert_eq!(shown.theme, Theme::Sepia, "a removed preset falls back");
        assert_eq!(shown.width, Width::Wide, "what did not change stays");
    }

    #[test]
    fn choices_round_trip_through_storage() {
        let mut choices = SettingChoices::default();
        choices.set(Setting::Theme(Theme::Dark));
        choices.set(Setting::FontSize(5));
        choices.set(Setting::PrintOutline(false));
        let stored = choices.to_stored();
        let json: serde_json::Value = serde_json::from_str(&stored).unwrap();
        assert_eq!(
            json,
            serde_json::json!([1, ["font-size=140", "theme=dark", "print-outline=off"]]),
            "what is not chosen is left out"
        );
        assert_eq!(SettingChoices::from_stored(&stored), Some(choices));
        assert_eq!(
            SettingChoices::from_stored(&SettingChoices::default().to_stored()),
            Some(SettingChoices::default())
        );
    }

    #[test]
    fn broken_stored_settings_are_ignored() {
        for text in [
            "",
            "{",
            "null",
            r#"{"theme": "dark"}"#,
            r#"[2, ["theme=dark"]]"#,
            r#"[1, "theme=dark"]"#,
            r#"[1, [1.5]]"#,
            r#"[1, ["theme=dark"], 3]"#,
            "article-reader 1\ntheme\tdark",
        ] {
            assert_eq!(SettingChoices::from_stored(text), None, "{text}");
        }
        assert_eq!(
            SettingChoices::from_stored(
                r#"[1, ["font-size=big", "theme=purple", "content-width=wide", "later=1", "=", "noise"]]"#
            ),
            Some(SettingChoices {
                width: Some(Width::Wide),
                ..SettingChoices::default()
            }),
            "unknown words are left open, unknown fields skipped"
        );
    }
}
