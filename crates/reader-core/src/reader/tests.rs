//! Reader state transitions: loading, folding, navigation, memory, keywords.

use super::*;
use crate::matcher::KeywordProblem;

const SEED: &str = crate::sample::SEED_ARTICLE;

fn article() -> Rc<Article> {
    Rc::new(Article::parse(SEED, ParseOptions::default()).unwrap())
}

fn loaded_with(memory: Memory) -> (ReaderState, Rc<Article>) {
    loaded_with_preset(memory, &[])
}

/// Loaded on a page whose `keywords` attribute is `preset`.
fn loaded_with_preset(memory: Memory, preset: &[&str]) -> (ReaderState, Rc<Article>) {
    let article = article();
    let mut state = ReaderState::default();
    state.apply(Action::SetPreset(
        preset.iter().map(|k| k.to_string()).collect(),
    ));
    state.apply(Action::Loaded {
        article: article.clone(),
        memory,
    });
    (state, article)
}

fn loaded() -> (ReaderState, Rc<Article>) {
    loaded_with(Memory::default())
}

fn node(article: &Article, label: &str) -> usize {
    article
        .document
        .nodes
        .iter()
        .position(|n| n.label.starts_with(label))
        .unwrap()
}

/// One outline key press, with no type-ahead timing involved.
fn press(state: &mut ReaderState, key: TreeKey) {
    state.apply(Action::OutlineKey { key, now_ms: 0.0 });
}

fn nav_node(state: &ReaderState) -> Option<usize> {
    match state.navigation?.target {
        NavTarget::Node(n) => Some(n),
        NavTarget::Match => None,
    }
}

#[test]
fn blank_text_is_a_problem_not_an_empty_page() {
    assert_eq!(
        Article::parse(" \n\u{3000}", ParseOptions::default()),
        Err(Problem::EmptyArticle)
    );
}

#[test]
fn loading_then_ready() {
    let mut state = ReaderState::default();
    assert!(state.article().is_none());
    let article = Rc::new(Article::parse("标题\n正文。", ParseOptions::default()).unwrap());
    state.apply(Action::Loaded {
        article: article.clone(),
        memory: Memory::default(),
    });
    assert_eq!(state.article(), Some(&article));
    assert_eq!(article.language, "zh");
    assert_eq!(article.reading_minutes, 1);
}

#[test]
fn subtrees_and_reading_times_per_node() {
    let (_, article) = loaded();
    let first = node(&article, "一、");
    let point = node(&article, "二是要持之以恒");
    let second = node(&article, "二、");
    assert!(article.in_subtree(first, point));
    assert!(!article.in_subtree(first, second));
    assert!(article.node_seconds[first] > article.node_seconds[point]);
    let total: u32 = article
        .document
        .roots()
        .map(|r| article.node_seconds[r])
        .sum();
    assert!(total / 60 <= article.reading_minutes);
}

#[test]
fn toggling_folds_and_unfolds_one_section() {
    let (mut state, article) = loaded();
    let first = node(&article, "一、");
    state.apply(Action::Toggle(first));
    assert!(state.collapsed.contains(&first));
    assert!(article.is_hidden(node(&article, "一是要"), &state.collapsed));
    state.apply(Action::Toggle(first));
    assert!(state.collapsed.is_empty());
    state.apply(Action::CollapseAll);
    assert_eq!(state.collapsed.len(), 4);
    state.apply(Action::ExpandAll);
    assert!(state.collapsed.is_empty());
}

#[test]
fn going_to_a_node_unfolds_its_path_and_asks_for_a_scroll() {
    let (mut state, article) = loaded();
    state.apply(Action::CollapseAll);
    let point = node(&article, "坚持胸怀天下");
    state.apply(Action::GoTo {
        node: point,
        smooth: true,
    });
    assert!(!article.is_hidden(point, &state.collapsed));
    assert_eq!(state.collapsed.len(), 3);
    let nav = state.navigation.unwrap();
    assert_eq!((nav.target, nav.smooth), (NavTarget::Node(point), true));
    assert_eq!(state.active, Some(point));
    state.apply(Action::GoTo {
        node: point,
        smooth: true,
    });
    assert_ne!(
        state.navigation.unwrap().seq,
        nav.seq,
        "a second request is a new request"
    );
    state.apply(Action::GoToId {
        id: "no-such-id".into(),
        smooth: false,
    });
    assert_eq!(nav_node(&state), Some(point));
}

#[test]
fn the_browser_finding_folded_text_unfolds_it() {
    let (mut state, article) = loaded();
    state.apply(Action::CollapseAll);
    let third = node(&article, "三、");
    state.apply(Action::Reveal(third));
    assert!(!state.collapsed.contains(&third));
    assert_eq!(state.collapsed.len(), 3);
}

#[test]
fn outline_keys_move_the_tab_stop_and_enter_navigates() {
    let (mut state, article) = loaded();
    assert_eq!(state.tab_stop(), Some(node(&article, "一、")));
    press(&mut state, TreeKey::Down);
    assert_eq!(state.tab_stop(), Some(node(&article, "一是要对标")));
    press(&mut state, TreeKey::Left);
    press(&mut state, TreeKey::Left);
    assert!(state.collapsed.contains(&node(&article, "一、")));
    press(&mut state, TreeKey::End);
    press(&mut state, TreeKey::Enter);
    assert_eq!(nav_node(&state), Some(article.document.nodes.len() - 1));
}

#[test]
fn a_hidden_focus_falls_back_to_a_visible_tab_stop() {
    let (mut state, article) = loaded();
    state.apply(Action::Focus(node(&article, "坚持守正创新")));
    state.apply(Action::Toggle(node(&article, "二、")));
    assert_eq!(state.tab_stop(), Some(node(&article, "一、")));
}

#[test]
fn memory_round_trip_and_links_win_over_the_saved_position() {
    let (mut state, article) = loaded();
    let second = node(&article, "二、");
    state.apply(Action::Toggle(second));
    state.apply(Action::SetActive(Some(node(&article, "三、"))));
    state.apply(Action::ToggleReadingTimes);
    state.apply(Action::AddKeyword("人才".into()));
    state.apply(Action::ToggleWholeWords);
    let saved = state.saved().unwrap();

    let (fresh, _) = loaded_with(Memory {
        saved: Some(saved.clone()),
        ..Memory::default()
    });
    assert_eq!(*fresh.collapsed, Collapsed::from([second]));
    assert!(fresh.reading_times && fresh.whole_words);
    assert_eq!(fresh.keyword_texts(), ["人才"]);
    assert_eq!(
        fresh.navigation.map(|n| (n.target, n.smooth)),
        Some((NavTarget::Node(node(&article, "三、")), false))
    );

    let target = article.document.nodes[node(&article, "坚持人民至上")]
        .id
        .clone();
    let (linked, _) = loaded_with_preset(
        Memory {
            saved: Some(saved),
            link: HashState {
                node: Some(target),
                keywords: Some(vec!["干部".into()]),
            },
        },
        &["组织"],
    );
    assert_eq!(nav_node(&linked), Some(node(&article, "坚持人民至上")));
    assert!(
        !linked.collapsed.contains(&second),
        "the link's path unfolds"
    );
    assert_eq!(
        linked.keyword_texts(),
        ["干部"],
        "a shared link's keywords win"
    );
    assert_eq!(
        linked.saved().unwrap().keywords,
        Some(vec!["人才".to_string()]),
        "but the reader's own list is what is remembered"
    );
}

#[test]
fn keywords_from_a_link_or_the_host_never_replace_the_readers_own() {
    let own = Saved {
        keywords: Some(vec!["人才".into()]),
        ..Saved::default()
    };
    let (mut state, _) = loaded_with(Memory {
        saved: Some(own),
        link: HashState {
            node: None,
            keywords: Some(vec!["干部".into()]),
        },
    });
    assert_eq!(state.keyword_texts(), ["干部"]);
    state.apply(Action::SetKeywords {
        list: vec!["组织".into()],
        by: KeywordsBy::Host,
    });
    state.apply(Action::SetKeywords {
        list: vec!["基层".into()],
        by: KeywordsBy::Link,
    });
    assert_eq!(state.keyword_texts(), ["基层"]);
    assert_eq!(
        state.saved().unwrap().keywords,
        Some(vec!["人才".to_string()])
    );

    state.apply(Action::AddKeyword("党员".into()));
    assert_eq!(
        state.saved().unwrap().keywords,
        Some(vec!["基层".to_string(), "党员".to_string()]),
        "editing makes the shown list the reader's own"
    );
}

#[test]
fn a_changed_preset_shows_at_once() {
    let (mut state, _) = loaded_with_preset(Memory::default(), &["人才"]);
    assert_eq!(state.keyword_texts(), ["人才"]);
    state.apply(Action::SetPreset(vec!["干部".into(), "组织".into()]));
    assert_eq!(state.keyword_texts(), ["干部", "组织"]);
    assert_eq!(state.saved().unwrap().keywords, None);
}

#[test]
fn the_outline_attribute_applies_when_changed() {
    let (mut state, _) = loaded();
    state.apply(Action::SetOutlinePreset(Some(false)));
    assert!(!state.outline_shown());
    state.apply(Action::SetOutlinePreset(None));
    assert!(
        state.outline_shown(),
        "back to the layout's choice: open when wide"
    );
}

#[test]
fn preset_keywords_apply_until_the_reader_chooses() {
    let preset = ["人才", "干部"];
    let (mut state, _) = loaded_with_preset(Memory::default(), &preset);
    assert_eq!(state.keyword_texts(), preset);
    assert_eq!(
        state.saved().unwrap().keywords,
        None,
        "a preset is not the reader's choice"
    );
    state.apply(Action::RemoveKeyword(0));
    assert_eq!(
        state.saved().unwrap().keywords,
        Some(vec!["干部".to_string()])
    );
    let emptied = Saved {
        keywords: Some(Vec::new()),
        ..Saved::default()
    };
    let (state, _) = loaded_with_preset(
        Memory {
            saved: Some(emptied),
            ..Memory::default()
        },
        &preset,
    );
    assert!(
        state.keywords.is_empty(),
        "the reader removed them; they stay removed"
    );
}

#[test]
fn memory_from_another_version_of_the_article_is_skipped() {
    let saved = Saved {
        collapsed: vec!["gone".into()],
        position: Some("also-gone".into()),
        ..Saved::default()
    };
    let (state, _) = loaded_with(Memory {
        saved: Some(saved),
        link: HashState {
            node: Some("nope".into()),
            keywords: None,
        },
    });
    assert!(state.collapsed.is_empty());
    assert_eq!(state.navigation, None);
}

#[test]
fn keywords_are_added_refused_and_removed() {
    let (mut state, _) = loaded();
    state.apply(Action::AddKeyword("  ".into()));
    assert_eq!(
        state.keyword_problem,
        Some(("  ".into(), KeywordProblem::Empty))
    );
    state.apply(Action::AddKeyword("人才".into()));
    assert_eq!(state.keyword_problem, None);
    state.apply(Action::AddKeyword("干部".into()));
    state.apply(Action::AddKeyword("人才".into()));
    assert_eq!(
        state.keyword_problem,
        Some(("人才".into(), KeywordProblem::Duplicate("人才".into())))
    );
    let naive = |k: &str| state.article().unwrap().document.body.matches(k).count();
    assert_eq!(state.matches.counts, [naive("人才"), naive("干部")]);
    state.apply(Action::SetFindTarget(Some(1)));
    state.apply(Action::RemoveKeyword(0));
    assert_eq!(state.keyword_texts(), ["干部"]);
    assert_eq!(state.find_target, Some(0), "the target follows its keyword");
    state.apply(Action::RemoveLastKeyword);
    assert!(state.keywords.is_empty());
    assert_eq!(state.find_target, None);
    state.apply(Action::SetKeywords {
        list: vec!["人才".into(), " ".into(), "组织".into()],
        by: KeywordsBy::Reader,
    });
    assert_eq!(state.keyword_texts(), ["人才", "组织"]);
    assert_eq!(
        state.keyword_problem,
        Some((" ".into(), KeywordProblem::Empty))
    );
}

#[test]
fn a_link_with_too_many_keywords_says_the_rest_was_left_out() {
    let link = |keywords: Vec<String>| Memory {
        saved: None,
        link: HashState {
            node: None,
            keywords: Some(keywords),
        },
    };
    let many: Vec<String> = (0..MAX_KEYWORDS + 5).map(|i| format!("k{i}")).collect();
    let (state, _) = loaded_with(link(many));
    assert_eq!(state.keywords.len(), MAX_KEYWORDS);
    assert_eq!(
        state.keyword_problem,
        Some((format!("k{MAX_KEYWORDS}"), KeywordProblem::TooMany))
    );
    // A blank keyword in a link is left out without a word.
    let (state, _) = loaded_with(link(vec!["人才".into(), "  ".into()]));
    assert_eq!(state.keyword_texts(), ["人才"]);
    assert_eq!(state.keyword_problem, None);
}

#[test]
fn a_huge_keyword_list_is_cut_at_the_limit_without_looking_at_the_rest() {
    let (mut state, _) = loaded();
    // What a link or an attribute could bring: far more than the limit, the
    // same keyword again and again, and one huge keyword past the limit.
    let mut list: Vec<String> = (0..MAX_KEYWORDS).map(|i| format!("k{i}")).collect();
    list.extend(std::iter::repeat_n("a".to_string(), 1_000_000));
    list.push("长".repeat(1_000_000));
    state.apply(Action::SetKeywords {
        list,
        by: KeywordsBy::Link,
    });
    assert_eq!(state.keywords.len(), MAX_KEYWORDS);
    assert_eq!(
        state.keyword_problem,
        Some(("a".into(), KeywordProblem::TooMany))
    );
    state.apply(Action::AddKeyword("长".repeat(1_000_000)));
    let (kept, problem) = state.keyword_problem.clone().unwrap();
    assert_eq!(problem, KeywordProblem::TooMany);
    assert_eq!(
        kept.chars().count(),
        MAX_KEYWORD_CHARS + 1,
        "not a copy of it all"
    );
}

#[test]
fn stepping_wraps_around_and_unfolds_folded_matches() {
    let (mut state, article) = loaded();
    state.apply(Action::AddKeyword("人才强县".into()));
    state.apply(Action::AddKeyword("人才".into()));
    state.apply(Action::SetFindTarget(Some(0)));
    assert_eq!(state.target_matches().len(), 1);
    state.apply(Action::CollapseAll);
    state.apply(Action::StepMatch { forward: true });
    assert_eq!(state.current_match, Some(0));
    assert!(
        !state.collapsed.contains(&node(&article, "四、")),
        "the match's section unfolds"
    );
    assert_eq!(state.navigation.map(|n| n.target), Some(NavTarget::Match));
    let span = state.current_match_span().unwrap();
    assert_eq!(article.document.text(span), "人才强县");

    state.apply(Action::SetFindTarget(None));
    let total = state.target_matches().len();
    assert_eq!(total, state.matches.counts.iter().sum::<usize>());
    state.apply(Action::StepMatch { forward: false });
    assert_eq!(
        state.current_match,
        Some(total - 1),
        "back from nothing goes to the last"
    );
    state.apply(Action::StepMatch { forward: true });
    assert_eq!(
        state.current_match,
        Some(0),
        "forward from the last wraps to the first"
    );
}

#[test]
fn a_tick_jumps_to_the_first_match_of_its_block() {
    let (mut state, article) = loaded();
    state.apply(Action::AddKeyword("人才".into()));
    state.apply(Action::CollapseAll);
    let ticks = state.matches.ticks(article.document.body.len());
    let last = *ticks.last().unwrap();
    state.apply(Action::JumpToMatch { at: last.at });
    assert_eq!(state.current_match_span().map(|s| s.start), Some(last.at));
    assert!(
        !state.collapsed.contains(&node(&article, "四、")),
        "its section unfolds"
    );
    assert_eq!(state.navigation.map(|n| n.target), Some(NavTarget::Match));
}

#[test]
fn the_first_step_starts_where_the_reader_is() {
    let (mut state, article) = loaded();
    state.apply(Action::AddKeyword("人才".into()));
    state.apply(Action::SetActive(Some(node(&article, "四、"))));
    state.apply(Action::StepMatch { forward: true });
    let span = state.current_match_span().unwrap();
    assert!(span.start >= article.document.nodes[node(&article, "四、")].span.start);
}

#[test]
fn the_outline_can_list_only_nodes_with_matches() {
    let (mut state, article) = loaded();
    state.apply(Action::AddKeyword("人才强县".into()));
    assert!(state.listed(node(&article, "一、")), "no filter yet");
    state.apply(Action::ToggleOnlyWithMatches);
    assert!(!state.listed(node(&article, "一、")));
    assert!(state.listed(node(&article, "四、")));
    assert!(state.listed(node(&article, "三是要深入推进新时代人才强县战略")));
    assert_eq!(state.tab_stop(), Some(node(&article, "四、")));
    state.apply(Action::RemoveKeyword(0));
    assert!(
        state.listed(node(&article, "一、")),
        "with no keywords left the filter lists everything"
    );
}

#[test]
fn the_outline_is_beside_the_text_when_wide_and_a_closed_drawer_when_narrow() {
    let (mut state, _) = loaded();
    assert!(state.outline_shown());
    state.apply(Action::SetNarrow(true));
    assert!(!state.outline_shown());
    state.apply(Action::SetOutlineOpen(true));
    assert!(state.outline_shown());
}

#[test]
fn going_somewhere_from_the_drawer_closes_it_but_not_the_sidebar() {
    let (mut state, article) = loaded();
    let second = node(&article, "二、");
    state.apply(Action::GoTo {
        node: second,
        smooth: true,
    });
    assert!(state.outline_shown(), "beside the text, the outline stays");

    state.apply(Action::SetNarrow(true));
    state.apply(Action::SetOutlineOpen(true));
    state.apply(Action::GoTo {
        node: second,
        smooth: true,
    });
    assert!(!state.outline_shown());

    state.apply(Action::SetOutlineOpen(true));
    state.apply(Action::Focus(second));
    press(&mut state, TreeKey::Enter);
    assert!(
        !state.outline_shown(),
        "Enter on a node goes there and closes the drawer"
    );
    assert_eq!(nav_node(&state), Some(second));
}

#[test]
fn escape_closes_the_innermost_open_thing_first() {
    let (mut state, _) = loaded();
    state.apply(Action::SetNarrow(true));
    state.apply(Action::ToggleSearch);
    state.apply(Action::ToggleSuggestions);
    state.apply(Action::SetOutlineOpen(true));
    assert!(!state.suggestions_open, "one sheet at a time on a phone");

    state.apply(Action::Escape);
    assert!(!state.outline_shown());
    assert!(
        state.search_shown(),
        "the keyword bar waits for the next Escape"
    );
    state.apply(Action::ToggleSuggestions);
    state.apply(Action::Escape);
    assert!(!state.suggestions_open);
    assert!(state.search_shown());
    state.apply(Action::Escape);
    assert!(!state.search_shown());
}

#[test]
fn escape_leaves_the_wide_outline_alone() {
    let (mut state, _) = loaded();
    state.apply(Action::Escape);
    assert!(state.outline_shown());
}

#[test]
fn own_settings_win_over_presets_and_a_changed_preset_shows_at_once() {
    use crate::settings::{ReadingSettings, Setting, SettingChoices, Theme, Width};
    let preset = SettingChoices {
        theme: Some(Theme::Dark),
        width: Some(Width::Wide),
        ..SettingChoices::default()
    };
    let own = SettingChoices {
        theme: Some(Theme::Sepia),
        ..SettingChoices::default()
    };
    let mut state = ReaderState::default();
    state.apply(Action::SetSettingsPreset(preset));
    state.apply(Action::RestoreSettings(own));
    assert_eq!(
        state.settings.theme,
        Theme::Sepia,
        "the reader's own choice"
    );
    assert_eq!(state.settings.width, Width::Wide, "the page's preset");

    state.apply(Action::ChangeSetting(Setting::FontSize(4)));
    assert_eq!(state.settings.font_size, 4);
    assert_eq!(state.own_settings.font_size, Some(4), "remembered");

    // Loading an article keeps the settings.
    state.apply(Action::Loaded {
        article: article(),
        memory: Memory::default(),
    });
    assert_eq!(state.settings.font_size, 4);
    assert_eq!(state.settings.theme, Theme::Sepia);

    // The page changes its theme attribute: it shows, the reader's choice stays theirs.
    state.apply(Action::SetSettingsPreset(SettingChoices {
        theme: Some(Theme::Light),
        ..preset
    }));
    assert_eq!(state.settings.theme, Theme::Light);
    assert_eq!(state.own_settings.theme, Some(Theme::Sepia));

    state.apply(Action::ResetSettings);
    assert_eq!(state.own_settings, SettingChoices::default());
    assert_eq!(
        state.settings,
        ReadingSettings {
            theme: Theme::Light,
            width: Width::Wide,
            ..ReadingSettings::default()
        }
    );
}

#[test]
fn section_reading_times_are_those_of_their_text() {
    let generated = crate::synthetic::chinese_article(60_000, 3);
    for text in [SEED, generated.as_str()] {
        let article = Article::parse(text, ParseOptions::default()).unwrap();
        let doc = &article.document;
        for (n, node) in doc.nodes.iter().enumerate() {
            assert_eq!(
                article.node_seconds[n],
                reading_time::seconds(doc.text(node.span)),
                "{}",
                node.label
            );
        }
    }
}
