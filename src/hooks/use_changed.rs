//! Runs a callback when a value changes after the first render.

use yew::prelude::*;

/// Emits `onchange` with `value` each time it differs from the value of the
/// previous render, but not on the first render, where the caller has
/// already used it to build its initial state. For attributes that change
/// after the reader started.
///
/// ```ignore
/// use_changed(config.outline_open, onaction.reform(Action::SetOutlinePreset));
/// ```
#[hook]
pub fn use_changed<T>(value: T, onchange: Callback<T>)
where
    T: PartialEq + Clone + 'static,
{
    let first = use_mut_ref(|| true);
    use_effect_with(value, move |value| {
        if !std::mem::replace(&mut *first.borrow_mut(), false) {
            onchange.emit(value.clone());
        }
    });
}
