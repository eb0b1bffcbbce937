//! xAPI 1.0.3 statements an LMS or LRS can import: one per ledger entry that counts (round
//! result, vote, bonus, penalty) and one per debrief. Each team is a Group identified by an
//! account on the app's home page; activities live under the same home page.

use serde_json::{Value, json};

use crate::lang::Lang;
use crate::session::{Debrief, PointsEntry, PointsSource, Session, TeamId, Timestamp};

use super::labels::{self, Labels};
use super::{FALLBACK_STEM, safe_file_name, tables, time};

const HOME_PAGE: &str = "https://service-camp.local";
const SCORED: &str = "http://adlnet.gov/expapi/verbs/scored";
const COMPLETED: &str = "http://adlnet.gov/expapi/verbs/completed";
const EARNED: &str = "https://service-camp.local/verbs/earned";
const PENALIZED: &str = "https://service-camp.local/verbs/penalized";

/// The statements of `session`; debriefs record no time, so they carry `exported_at`. Undone
/// entries are left out: they no longer count.
pub fn statements(session: &Session, exported_at: Timestamp) -> Vec<Value> {
    let camp = camp_activity(session);
    let points = session.ledger.iter().filter(|e| e.is_live()).map(|entry| points_statement(session, &camp, entry));
    let debriefs = session.debriefs.iter().map(|debrief| debrief_statement(session, &camp, debrief, exported_at));
    points.chain(debriefs).collect()
}

/// The same text in both languages, as xAPI language maps want it.
fn language_map(text: impl Fn(&Labels) -> String) -> Value {
    let mut map = serde_json::Map::new();
    for lang in Lang::ALL {
        let labels = labels::for_lang(lang);
        map.insert(labels.tag.to_string(), Value::String(text(labels)));
    }
    Value::Object(map)
}

fn camp_activity(session: &Session) -> Value {
    let name = if session.name.trim().is_empty() { None } else { Some(session.name.clone()) };
    let id = format!("{HOME_PAGE}/camps/{}", percent_encode(&safe_file_name(&session.name, FALLBACK_STEM)));
    json!({
        "objectType": "Activity",
        "id": id,
        "definition": { "name": language_map(|l| name.clone().unwrap_or_else(|| l.untitled.to_string())) },
    })
}

fn actor(session: &Session, team: Option<TeamId>) -> Value {
    let session_labels = labels::for_lang(session.lang);
    let (name, account) = match team {
        Some(id) => (tables::team_name(session, id, session_labels), id.0.to_string()),
        None => (session_labels.whole_class.to_string(), "class".to_string()),
    };
    json!({ "objectType": "Group", "name": name, "account": { "homePage": HOME_PAGE, "name": account } })
}

fn verb(id: &str, display: fn(&Labels) -> &'static str) -> Value {
    json!({ "id": id, "display": language_map(|l| display(l).to_string()) })
}

/// An activity of the camp: `path` under its id, named in both languages.
fn activity(camp: &Value, path: &str, name: impl Fn(&Labels) -> String) -> Value {
    let camp_id = camp["id"].as_str().unwrap_or(HOME_PAGE);
    json!({
        "objectType": "Activity",
        "id": format!("{camp_id}/{path}"),
        "definition": { "name": language_map(name) },
    })
}

fn context(session: &Session, camp: &Value) -> Value {
    json!({
        "platform": "Service Camp",
        "language": labels::for_lang(session.lang).tag,
        "contextActivities": { "parent": [camp] },
    })
}

fn points_statement(session: &Session, camp: &Value, entry: &PointsEntry) -> Value {
    let (verb, object) = match entry.source {
        PointsSource::Round(n) => {
            (verb(SCORED, |l| l.verb_scored), activity(camp, &format!("rounds/{n}"), |l| (l.round)(n)))
        }
        PointsSource::Vote => {
            (verb(EARNED, |l| l.verb_earned), activity(camp, "team-building-vote", |l| l.vote.into()))
        }
        PointsSource::Bonus => (verb(EARNED, |l| l.verb_earned), activity(camp, "bonus", |l| l.bonus.into())),
        PointsSource::Penalty => {
            (verb(PENALIZED, |l| l.verb_penalized), activity(camp, "penalty", |l| l.penalty.into()))
        }
    };
    let mut result = json!({ "score": { "raw": entry.points } });
    if !entry.reason.trim().is_empty() {
        result["response"] = Value::String(entry.reason.clone());
    }
    json!({
        "actor": actor(session, Some(entry.team)),
        "verb": verb,
        "object": object,
        "result": result,
        "context": context(session, camp),
        "timestamp": time::iso8601(entry.at),
    })
}

fn debrief_statement(session: &Session, camp: &Value, debrief: &Debrief, exported_at: Timestamp) -> Value {
    let actions: Vec<Value> =
        debrief.actions.iter().map(|a| json!({ "what": a.what, "by_when": a.by_when, "checker": a.checker })).collect();
    json!({
        "actor": actor(session, debrief.team),
        "verb": verb(COMPLETED, |l| l.verb_completed),
        "object": activity(camp, "debrief", |l| {
            let shape = session.debrief_shape;
            format!("{}-{}-{} {}", shape.takeaways, shape.tools, shape.actions, l.debriefs)
        }),
        "result": {
            "completion": true,
            "response": debrief.takeaways.join("\n"),
            "extensions": {
                format!("{HOME_PAGE}/extensions/takeaways"): debrief.takeaways,
                format!("{HOME_PAGE}/extensions/tools"): debrief.tools,
                format!("{HOME_PAGE}/extensions/actions"): actions,
            },
        },
        "context": context(session, camp),
        "timestamp": time::iso8601(exported_at),
    })
}

/// Percent-encodes everything but RFC 3986's unreserved characters, so any name makes a valid IRI.
fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => char::from(b).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_iri(value: &Value) -> bool {
        value.as_str().is_some_and(|s| s.starts_with("http://") || s.starts_with("https://"))
    }

    #[test]
    fn every_statement_has_actor_verb_object_timestamp_and_a_result_where_it_applies() {
        let session = Session::demo(Lang::Zh);
        let statements = statements(&session, Timestamp(1_764_080_000_000));
        assert_eq!(statements.len(), session.ledger.len() + session.debriefs.len());
        for statement in &statements {
            let actor = &statement["actor"];
            assert_eq!(actor["objectType"], "Group");
            assert!(actor["name"].as_str().is_some_and(|n| !n.is_empty()), "{statement}");
            assert_eq!(actor["account"]["homePage"], HOME_PAGE);
            assert!(actor["account"]["name"].is_string());
            assert!(is_iri(&statement["verb"]["id"]), "{statement}");
            for tag in ["zh-CN", "en-US"] {
                assert!(statement["verb"]["display"][tag].as_str().is_some_and(|d| !d.is_empty()), "{statement}");
                assert!(statement["object"]["definition"]["name"][tag].is_string(), "{statement}");
            }
            assert!(is_iri(&statement["object"]["id"]), "{statement}");
            let timestamp = statement["timestamp"].as_str().unwrap();
            assert!(timestamp.len() == 24 && timestamp.ends_with('Z'), "{timestamp}");
            let result = &statement["result"];
            assert!(result["score"]["raw"].is_i64() || result["completion"] == true, "{statement}");
        }
    }

    #[test]
    fn sources_map_to_their_verbs_and_undone_entries_are_left_out() {
        let mut session = Session::demo(Lang::En);
        session.undo(0, Timestamp(1)).unwrap();
        let statements = statements(&session, Timestamp(0));
        let verbs: Vec<&str> = statements.iter().map(|s| s["verb"]["id"].as_str().unwrap()).collect();
        assert_eq!(verbs.len(), session.ledger.len() - 1 + session.debriefs.len());
        assert_eq!(verbs[0], EARNED, "the second vote entry");
        assert_eq!(verbs[1], SCORED);
        assert!(verbs.contains(&PENALIZED) && verbs.ends_with(&[COMPLETED]));
        let penalty = statements.iter().find(|s| s["verb"]["id"] == PENALIZED).unwrap();
        assert_eq!(penalty["result"]["score"]["raw"], -2);
        assert_eq!(penalty["timestamp"], "2025-11-25T12:10:00.000Z");
        assert!(penalty["object"]["id"].as_str().unwrap().ends_with("/penalty"));
    }

    #[test]
    fn activity_ids_stay_valid_iris_for_any_session_name() {
        assert_eq!(percent_encode("华 a-b"), "%E5%8D%8E%20a-b");
    }
}
