//! The reading settings sheet: text size, width, line spacing, theme,
//! typeface, and printing (with or without a table of contents), in native
//! controls, so the keyboard works as everywhere else (Tab between groups,
//! arrows within one). The reader's choices are remembered for the whole site.
//! A plain view function: the state holds every setting.

use yew::prelude::*;

use reader_core::dom_ids;
use reader_core::i18n::Lang;
use reader_core::reader::Action;
use reader_core::settings::{Font, LineSpacing, ReadingSettings, Setting, Theme, Width};

pub fn settings_panel(settings: &ReadingSettings, lang: Lang, onaction: &Callback<Action>) -> Html {
    let labels = lang.labels();
    let change = |setting: Setting| onaction.reform(move |_: Event| Action::ChangeSetting(setting));
    let choices =
        |name: &'static str, legend: &'static str, options: &[(&'static str, bool, Setting)]| {
            html! {
                <fieldset class="ar-setting">
                    <legend class="ar-setting-name">{ legend }</legend>
                    <div class="ar-segments">
                        for &(label, checked, setting) in options {
                            <label class="ar-segment">
                                <input type="radio" {name} {checked} onchange={change(setting)} />
                                <span>{ label }</span>
                            </label>
                        }
                    </div>
                </fieldset>
            }
        };
    let size_step = |larger: bool| {
        let next = settings.font_step(larger);
        html! {
            <button
                type="button"
                class={classes!("ar-button", "ar-icon-button", if larger { "ar-larger" } else { "ar-smaller" })}
                aria-label={if larger { labels.larger } else { labels.smaller }}
                title={if larger { labels.larger } else { labels.smaller }}
                disabled={next.is_none()}
                onclick={onaction.reform(move |_: MouseEvent| Action::ChangeSetting(Setting::FontSize(next.unwrap_or_default())))}
            ></button>
        }
    };
    let print = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    html! {
        <div id={dom_ids::SETTINGS} class="ar-settings ar-sheet" role="group" aria-labelledby={dom_ids::SETTINGS_TITLE}>
            <h2 class="ar-sheet-title" id={dom_ids::SETTINGS_TITLE}>{ labels.settings }</h2>
            <div class="ar-setting" role="group" aria-label={labels.font_size}>
                <span class="ar-setting-name" aria-hidden="true">{ labels.font_size }</span>
                <div class="ar-stepper">
                    { size_step(false) }
                    <output class="ar-size-value" aria-live="polite">{ format!("{}%", settings.font_percent()) }</output>
                    { size_step(true) }
                </div>
            </div>
            { choices("ar-width", labels.width, &[
                (labels.width_narrow, settings.width == Width::Narrow, Setting::Width(Width::Narrow)),
                (labels.width_medium, settings.width == Width::Medium, Setting::Width(Width::Medium)),
                (labels.width_wide, settings.width == Width::Wide, Setting::Width(Width::Wide)),
            ]) }
            { choices("ar-spacing", labels.line_spacing, &[
                (labels.spacing_tight, settings.line_spacing == LineSpacing::Tight, Setting::LineSpacing(LineSpacing::Tight)),
                (labels.spacing_normal, settings.line_spacing == LineSpacing::Normal, Setting::LineSpacing(LineSpacing::Normal)),
                (labels.spacing_loose, settings.line_spacing == LineSpacing::Loose, Setting::LineSpacing(LineSpacing::Loose)),
            ]) }
            { choices("ar-theme", labels.theme, &[
                (labels.theme_auto, settings.theme == Theme::Auto, Setting::Theme(Theme::Auto)),
                (labels.theme_light, settings.theme == Theme::Light, Setting::Theme(Theme::Light)),
                (labels.theme_dark, settings.theme == Theme::Dark, Setting::Theme(Theme::Dark)),
                (labels.theme_sepia, settings.theme == Theme::Sepia, Setting::Theme(Theme::Sepia)),
            ]) }
            { choices("ar-font", labels.font, &[
                (labels.font_sans, settings.font == Font::Sans, Setting::Font(Font::Sans)),
                (labels.font_serif, settings.font == Font::Serif, Setting::Font(Font::Serif)),
            ]) }
            <label class="ar-check">
                <input
                    type="checkbox"
                    checked={settings.print_outline}
                    onchange={change(Setting::PrintOutline(!settings.print_outline))}
                />
                <span>{ labels.print_outline }</span>
            </label>
            <div class="ar-sheet-actions">
                <button type="button" class="ar-button" onclick={print}>{ labels.print }</button>
                <button type="button" class="ar-button" onclick={onaction.reform(|_: MouseEvent| Action::ToggleHelp)}>{ labels.shortcuts_title }</button>
                <button type="button" class="ar-button" onclick={onaction.reform(|_: MouseEvent| Action::ResetSettings)}>{ labels.reset_settings }</button>
            </div>
        </div>
    }
}
