# Service Camp · UI strings (English)
# Trainers may edit this file without recompiling; restart the app to see changes.
# Format: Fluent (https://projectfluent.org): one "key = text" per line, { $name } is an argument.

app-title = Service Camp
language-name = English
switch-language = Switch interface language
theme-dark = 🌙 Dark
theme-light = ☀ Light
hint-keys = PgDn/→ next · PgUp/← back · B blank · S clock · F11 fullscreen · L language · F1 shortcuts

screen-home = Home
screen-agenda = Agenda
screen-teams = Teams
screen-presentations = Present & vote
screen-library = Scenarios
screen-round = Role-play
screen-round-result = Round result
screen-leaderboard = Leaderboard
screen-practice = Practice
screen-debrief = 5-3-1 debrief
screen-settings = Settings

problems-title = Some content files have problems; fix them — everything else keeps working:
problems-more = …and { $count } more

help-title = Shortcuts (clicker friendly)
help-next = Next screen
help-prev = Previous screen
help-blank = Blank screen / back
help-fullscreen = Fullscreen on / off
help-language = Switch 中文 / English
help-round-start = Role-play: start / pause the round
help-round-pad = Role-play: score by key (each button shows its key)
help-round-undo = Role-play: undo the last press
help-round-end = Role-play: end the round
help-round-console = One screen: switch to the trainer console
help-home = Back to home
help-help = Show / hide this help
help-close = Close dialogs

quit-title = Quit Service Camp?
quit-body = Every change to this camp has been saved; you can resume it next time. Close the app now?
quit-confirm = Quit
quit-cancel = Keep training

teams-count = { $count ->
    [one] 1 team
   *[other] { $count } teams
}
points = { $points ->
    [one] 1 point
   *[other] { $points } points
}

home-welcome = Welcome to Service Camp
home-tagline = Emotion first, the problem second, a satisfying result third
home-start = ▶ Start today's camp
home-session = This camp:
home-session-name = Name of this camp (e.g. East China Logistics Service Camp · Day 1)
home-no-session = No teams or points yet — start by forming teams
home-models = Models we practise today
home-model-7a = 7A complaint handling
home-model-six = Six steps for complaints
home-model-eoac = EOAC over-scope requests
home-model-disc = DISC customer types

agenda-subtitle = Today's plan — step through it with the clicker
agenda-minutes = { $minutes } min
agenda-agreement-detail = Phones silent · stay seated · on time · join in · respect the speaker · joy brings success
agenda-team-building-detail = 10 minutes to design name, logo, slogan and song and pick a captain; 1 minute per team to present; everyone votes
agenda-sharing-detail = Share a recent experience as a customer: what was good, what was bad, would you go back?
agenda-roleplay-detail = Teams take turns with scenario cards, scored live on 7A, the six steps and EOAC
agenda-debrief-detail = 5 takeaways, 3 tools, 1 action plan to start now
agenda-total = { $minutes } minutes in all
teams-design = ⏱ Start the { $minutes }-minute team design
present-shuffle = 🎲 Random order
help-clock-toggle = Clock start / pause
help-clock-reset = Clock reset
help-clock-minute = Clock +1 minute
agenda-open = Open

teams-subtitle = Name · logo · slogan · song · captain
teams-empty = No teams yet.

present-subtitle = One minute per team; in the last minute everyone votes for the best team
present-now = Presenting now
present-up-next = Up next
present-start = ▶ Start
present-pause = ⏸ Pause
present-reset = ↺ Reset
present-add-minute = +1 minute

library-subtitle = { $count } scenarios · filter by kind, customer type and difficulty, or draw one at random
teams-add = + Add a team
teams-name = Name
teams-logo = Logo
teams-slogan = Slogan
teams-song-hint = Song
teams-captain-hint = Captain
teams-members-hint = Members (separated by commas)
teams-move-up = Move up
teams-move-down = Move down
teams-remove = × Remove
present-all-done = Every team has presented — time to vote
present-next-team = Next team ▶
vote-title = Vote: each team picks the best presentation (never itself)
vote-hint = Each row is a voting team: click its choice, or type two numbers (voter, then choice). Votes can be changed
vote-leader = Leading: { $team }
vote-award = 🏆 Award (+{ $points } points)
leaderboard-change = Change since the last round
ledger-title = Points ledger and manual adjustments
ledger-reason = Reason (required)
ledger-bonus = + Bonus
ledger-penalty = − Penalty
ledger-undo = Undo
ledger-restore = Restore
home-backup-offer = The session file cannot be read (it will not be overwritten), but its backup is intact.
home-restore-backup = Restore the backup
home-resume-last = Resume the last camp
home-recent = Recent camps:

teams-pick-team = 🎲 Draw the next team
teams-pick-member = 🎲 Draw a customer player
vote-clock = ⏱ Start the vote clock
settings-durations = Timers (kept in this session)
settings-round-points = Role-play points (kept in this session)
settings-points-for-full-score = Points for a trainer score of 100
settings-points-per-star = Points per peer star
settings-observer-grace = Observers' time to finish after a round
settings-design-minutes = Team design (minutes)
settings-presentation-seconds = Each presentation (seconds)
settings-voting-seconds = Vote (seconds)
library-all = All
kind-complaint = Complaint
kind-over-scope = Over-scope
difficulty-easy = Easy
difficulty-medium = Medium
difficulty-hard = Hard
library-draw = 🎲 Draw at random
library-none = No scenario matches these filters
library-pick = Pick a scenario on the left, or draw one at random
library-minutes = { $minutes } min
library-rep-brief = Rep brief
library-key-behaviours = A good answer shows
library-show-card = 🔒 Show the customer card (customer player only)
library-hide-card = 🔒 Hide the customer card
library-dialogue = With a self-study dialogue ({ $nodes } nodes)
card-persona = Persona
card-what-happened = What happened
card-hidden-needs = Hidden needs
card-escalates = What makes them angrier
card-calms = What calms them
card-opening = Opening line
card-how-to-talk = How to talk
disc-d-name = D Dominance
disc-d-traits = Self-centred, says it once, wants control
disc-d-win = Speed: a concrete solution, now
disc-i-name = I Influence
disc-i-traits = Talks non-stop, vivid and exaggerated, emotional ups and downs
disc-i-win = Relationship: warmth, recognition, rapport
disc-s-name = S Steadiness
disc-s-traits = Slow to react, mild and tolerant, asks again and again
disc-s-win = Reassurance: patient explanation, promised follow-up
disc-c-name = C Conscientiousness
disc-c-traits = Interrogates details, careful words, wants facts and evidence
disc-c-win = Professionalism: the clause, the reason, the exact figure

round-subtitle = One rep serves one customer while the room watches and scores
round-mood = Customer mood
round-time-left = Time left
round-next = Next round
round-no-scenario = The trainer picks a scenario on the console
round-rep = Rep: { $name }
round-waiting-hint = The trainer presses Space to start · F2 opens the console
round-see-result = See the last round's result
round-open-console = Open the trainer console
round-paused = Paused
round-walked-out = The customer walked out! Mood hit 0
round-over = Round over: teams, rate it
round-number = Round { $number }
round-peer-title = Peer rating (other teams, 1–5 stars)
round-peer-average = Peers' average { $stars } ★
observers-scoring = 📱 { $count } observers scoring
observers-grace = Observers finishing: { $time }
observers-reveal = Reveal the observers (V)
observers-title = Observers against the trainer
observers-summary = { $count } observers · { $within }% within tolerance · α { $alpha }
observers-saw-trainer-not = { $seen } of { $of } saw { $step }; the trainer did not
observers-missed-trainer-saw = { $seen } of { $of } saw { $step }; the trainer did
observers-agree = { $step }: { $seen } of { $of }, as the trainer
observers-split = { $step }: { $seen } of { $of } saw it, the room split
observers-in-time = ({ $share }% as the trainer, ±{ $secs } s)
observers-keep-trainer = Trainer's call
observers-take-room = Room's majority
observers-accept-all = Accept the room's majority (M)
observers-on-projector = Show on the projector (V)
observers-off-projector = Hide from the projector (V)
observers-best-judge = Best judge of the day: { $name } ({ $team }) · { $points } judge points
observers-judge-line = Judge points { $points } · { $agreement }% with the consensus · { $rounds } rounds

console-title = Trainer console
console-close-window = Close the console window
console-audience = Back to the audience view
console-own-window = Open in its own window
console-start = Start the round
console-start-needs = Pick a scenario and the serving team first
console-team = Serving team
console-no-teams = No teams yet: add them on the Teams screen
console-rep = Rep
console-rep-hint = Name
console-customer = Customer played by
console-trainer = Trainer
console-models = Scored by
console-mood = Mood { $mood }
console-score = Score { $score }
console-pause = Pause
console-resume = Resume
console-undo = Undo
console-end = End round
console-abandon = Discard round
console-quote = Quote the rep (Enter scores it)
console-quote-hint = e.g. I'm so sorry to keep you waiting
console-log = Log
console-log-empty = Nothing yet: press a key to score
console-notes = Trainer's notes
console-rate-hint = Each team in turn presses 1–5 (or clicks the stars); Enter confirms and awards the points
console-points = Trainer { $score } → { $from_score } pts (of { $full }) + peers { $stars }★ × { $per_star } = { $from_peers } pts → { $total } pts
console-finish = Confirm and award

result-subtitle = No result yet
result-total = Total
result-penalties = Penalties (with the words used)
result-none = No role-play round has been played yet. Open the console on the Role-play screen to start the first.
result-previous = Previous round
result-next = Next round
result-points-landed = On the leaderboard: { $points } pts (score { $from_score } + peers { $from_peers })
result-points-pending = Not yet awarded: { $points } pts (score { $from_score } + peers { $from_peers })
result-out-of-order = out of order
result-missing = not done
result-best-gain = The one thing that would have gained most
result-avoid = Avoid “{ $penalty }”
result-worth = worth { $points } more points
result-no-penalties = No penalties. Well done!
result-mood-curve = Customer mood over the round

leaderboard-subtitle = Points = the sum of every entry in the ledger
leaderboard-rank = No. { $rank }

practice-subtitle = One learner, one simulated customer, feedback on the same models
practice-how = Pick a scenario → read the rep brief → the customer speaks first → choose or type each reply → review the debrief
practice-choose-disc = Which customer do you want to practise?

practice-any = Any type
practice-surprise = 🎲 Surprise me
practice-not-yet = Not tried yet
practice-best = Best score { $score }
practice-progress = My progress
practice-streak = { $days ->
    [one] 1 day in a row
   *[other] { $days } days in a row
}
practice-done-count = { $count ->
    [one] 1 scenario done
   *[other] { $count } scenarios done
}
practice-mastered = Mastered: { $models }
practice-none-mastered = none yet (score 80 on a model to master it)
practice-rep-brief = Rep brief
practice-mood = Customer mood
practice-understood-as = Your reply was understood as option { $option }
practice-your-turn = Your reply (press 1–4, or type your own)
practice-type-hint = Type your reply and press Enter
practice-send = Send
practice-patience = The customer will wait { $seconds } s more
practice-impatient = The customer is losing patience!
practice-ending-resolved = 🎉 Resolved: the customer is satisfied
practice-ending-escalated = ⚠ The customer escalates the complaint
practice-ending-walked-out = 🚪 The customer walked out
practice-score = Score
practice-mood-curve = Mood curve
practice-retry = Try again
practice-another = Another scenario
practice-you-said = You said:
practice-model-answer = Model answer:
practice-slow = too slow

debrief-subtitle-shape = { $takeaways } takeaways · { $tools } tools · { $actions } action plan
debrief-gallery = 🖼 All teams
debrief-use-531 = Switch to 5-3-1
debrief-use-321 = Switch to 3-2-1
debrief-tool-hint = Pick from the course tools, or write your own:
debrief-what = What
debrief-by-when = By when
debrief-checker = Who checks
debrief-not-yet = Not filled in yet
debrief-plan-line = { $what } (by { $when }, checked by { $who })
tool-7a = 7A complaint handling
tool-six-step = Six steps for complaints
tool-eoac = EOAC over-scope requests
tool-disc = DISC customer types
tool-kano = KANO needs model
tool-servqual = SERVQUAL service quality
tool-warmth = The four warmth techniques
tool-emotional-bank = Emotional bank account
tool-5w1h = 5W1H call notes
debrief-export = 📤 Export the report
debrief-exported = Exported to { $folder }
debrief-takeaways = 5 takeaways that stayed with us
debrief-tools = 3 tools we will apply
debrief-action = 1 action plan to start now
debrief-empty = (to be filled in)

settings-subtitle = These preferences are kept on this computer for next time
settings-language = Interface language
settings-theme = Theme
settings-theme-light = Light (bright rooms)
settings-theme-dark = Dark (dimmed projector rooms)
settings-motion = Reduce motion (no transitions, no confetti)
settings-sound = Sound cues (countdown alerts)
settings-fullscreen = Fullscreen on / off (F11)
settings-quit = Quit the app
settings-about = Font: Noto Sans CJK SC, SIL Open Font License 1.1 (see assets/fonts/OFL.txt)
debrief-whole-team = Whole team
debrief-weak-tools = The steps today's rounds found weakest:
debrief-weak-actions = Or make a weak step the action:
debrief-weak-step-hint = { $missed ->
    [0] Out of order in { $order } of { $rounds ->
        [one] 1 round
       *[other] { $rounds } rounds
    }
   *[other] Missed in { $missed } of { $rounds ->
        [one] 1 round
       *[other] { $rounds } rounds
    }{ $order ->
        [0] {""}
       *[other] , out of order in { $order }
    }
}

## Exports: the client report, CSV headers and xAPI display words

export-untitled = Untitled camp
export-exported-at = Exported
export-agenda = Agenda
export-step = Step
export-minutes = Minutes
export-total-minutes = Total minutes
export-teams = Teams
export-no-teams = No teams yet.
export-team = Team
export-captain = Captain
export-members = Members
export-slogan = Slogan
export-song = Song
export-leaderboard = Leaderboard
export-rank = Rank
export-total = Total
export-change-since-last-round = Change since last round
export-rounds = Role-play rounds
export-no-rounds = No role-play round has been recorded yet: the points ledger holds no round scores.
export-round-column = Round
export-timeline = Timeline
export-scenario = Scenario
export-rep = Rep
export-customer-player = Customer played by
export-trainer = Trainer
export-ending = Ending
export-ended = Ended
export-walked-out = The customer walked out
export-score = Trainer's score (of 100)
export-judged-by = Judged by
export-peer-average = Peer average (stars)
export-points-from-score = Points from the score
export-points-from-peers = Points from peers
export-model = Model
export-model-step = Step
export-order = Order
export-out-of-order = out of order
export-said = Words said
export-missing-steps = Steps not shown
export-penalties = Penalties
export-no-penalties = No penalties.
export-best-gain = The one change worth most
export-nothing-to-gain = Nothing left to gain.
export-ledger-only-rounds = Other round points in the ledger
export-ledger = Points ledger
export-empty-ledger = The points ledger is empty.
export-entry-number = #
export-time = Time
export-source = Source
export-points = Points
export-round-points = Points this round
export-reason = Reason
export-status = Status
export-counts = counts
export-undone = undone
export-vote = Team-building vote
export-bonus = Bonus
export-penalty = Penalty
export-debriefs = debriefs
export-no-debriefs = No debrief has been written yet.
export-whole-class = Whole class
export-takeaways = Takeaways
export-tools = Tools
export-actions = Action plan
export-what = What
export-by-when = By when
export-checker = Checked by
export-verb-scored = scored
export-verb-earned = earned
export-verb-penalized = penalized
export-verb-completed = completed
export-verb-showed = showed
export-verb-judged = judged
export-round = Round { $number }
export-member-of = { $name } ({ $team })
export-gain-by-step = Doing "{ $model } · { $step }" would have added { $points } points
export-gain-by-avoiding = Avoiding "{ $penalty }" would have added { $points } points
export-gain-by-avoiding-said = Avoiding "{ $penalty }" ("{ $said }") would have added { $points } points
export-removed-team = Removed team (id { $id })

## The text score report (`service-camp score`)

report-title = Service Camp · Score report
report-total = Total
report-judged-by = Judged by
report-models = Models
report-found = done
report-missing = missing
report-order = order
report-points = Where the points came from
report-to-work-on = Still to work on
report-turn = turn { $number }
report-mood = Emotional bank account
report-walked-out = the customer walked out at turn { $number }
report-none = none
report-list-separator = {", "}

## Words the camp writes into the session (in its language when written)

camp-new-team = Team { $number }
camp-new-camp = Service Camp { $date }
ledger-vote = Team presentations · best team
ledger-round = Round { $number } · { $title } · trainer { $score }
ledger-round-peers = Round { $number } · { $title } · trainer { $score } · peers { $peers }★

console-window-title = Trainer console · Service Camp

vote-tie-rule = On a tie, the team that presented earlier wins: going first is hardest, and later teams could learn from the ones before them.
report-disc-d = D Dominance · win with speed
report-disc-i = I Influence · win with relationship
report-disc-s = S Steadiness · win with reassurance
report-disc-c = C Conscientiousness · win with professionalism

save-failed = Not saved: { $problem }. Changes are kept in memory; save a copy elsewhere before quitting.
save-read-only = This camp is open in another Service Camp window: this window shows it read-only and saves nothing.
quit-unsaved = If you quit now, the changes above are lost. Save a copy to another folder first:
quit-save-copy = 💾 Save a copy here

vote-awarded = ✓ Awarded: { $points } points
vote-award-undo = Undo the award

console-discard-confirm = Discard this round?
console-discard-yes = Yes, discard it
console-discard-no = Keep it
console-discarded = Round { $number } was discarded.
console-discard-undo = ↶ Bring it back

teams-members = Members
console-quote-nothing = nothing scored

## The phone page (phones in the room)
phone-title = Service Camp
phone-welcome = Join the camp
phone-code-label = Room code
phone-code-hint = Type the room code shown on the projector (scanning the QR code fills it in).
phone-next = Next
phone-choose-team = Choose your team
phone-who-are-you = Who are you?
phone-type-name = Or type your name
phone-join = Join
phone-back = Back
phone-lang-switch = 中文
phone-watch = Watch the projector
phone-lobby = This page changes by itself when the trainer starts the next part.
phone-stage-team_design = Team design
phone-stage-vote = Vote: the best team
phone-stage-round = Role-play
phone-stage-debrief = My 5-3-1
phone-design-hint = Changes show on the team's card on the projector at once.
phone-captain-edits = Your captain edits the team card: watch the projector.
phone-team-name = Team name
phone-slogan = Slogan
phone-song = Team song
phone-captain = Captain
phone-logo = Logo
phone-saved = Saved
phone-vote-hint = Pick the team that presented best (not your own). You can change your vote until it closes.
phone-voted-count = Voted
phone-vote-closed = The vote is closed: watch the projector for the result.
phone-winner = Best team
phone-rate-title = Rate this round
phone-rate-own = This is your team's round: the other teams rate it.
phone-rate-wait = When the round ends, rate the serving team here.
phone-comment = One line of comment (optional)
phone-send = Send
phone-your-rating = Your rating
phone-debrief-hint = Write your own takeaways, tools and action plan; each line is saved as you go.
phone-takeaways = Takeaways
phone-tools = Tools to apply
phone-action = Action plan
phone-action-what = What
phone-action-by = By when
phone-action-checker = Who checks
phone-reconnecting = Connection lost, reconnecting…
phone-signed-out = This phone was signed out: please join again.
phone-error-closed = The trainer has not turned phones on yet.
phone-error-code = That room code is not right: check the projector.
phone-error-locked = Joining is locked: ask the trainer.
phone-error-signed-out = This phone was signed out: please join again.
phone-error-empty-name = Please type your name.
phone-error-name-long = A name has at most 24 characters.
phone-error-name-separator = A name cannot contain commas.
phone-error-line-long = A line has at most 200 characters.
phone-error-logo = Pick a logo from the list.
phone-error-not-now = That is not open right now: watch the projector.
phone-error-captain = Only the captain edits the team card.
phone-error-own-team = You cannot vote for or rate your own team.
phone-error-team = There is no such team.
phone-error-no-round = There is no round to rate right now.
phone-error-stars = Ratings are 1 to 5 stars.
phone-error-full = The room is full.
phone-error-refused = Not saved
phone-error-busy = The trainer's laptop is busy: try again in a moment.
phone-error-bad-request = The request was not understood
phone-error-slow-down = Too many requests: wait a moment.

## The join card (phones)
join-title = 📱 Join on your phone
join-close = Close (F7)
join-failed = Phones cannot be turned on:
join-off = Phones are off. Press F6 to turn them on.
join-code = Room code
join-count = { $joined } joined · { $online } online
join-no-phones = No phone yet? Guest Wi-Fi often keeps devices apart: use a hotspot from this laptop, or put everyone on one network.
join-no-network = This laptop is on no network: join a Wi-Fi, or start a hotspot for the phones (no internet needed).
join-locked = Joining is locked: only people who joined can come back.
join-lock = 🔒 Lock joining
join-unlock = 🔓 Allow joining
join-new-code = New room code
join-stop = Turn phones off (F6)
help-phones = Phones on / off
help-join-card = Show / hide the join card
vote-phones-count = 📱 { $voted } of { $of } voted
vote-reveal = Reveal the result: best team +{ $points }
debrief-more-members = { $count } more wrote their own
join-move-to = Move to another team:
join-reset-device = Sign this phone out (they join again)
phones-failed = Phones stopped working: { $problem }. The camp goes on with the keyboard.

## Experience sharing
screen-stories = Experience sharing
stories-subtitle = Everyone tells a service they met · { $count } stories in
stories-empty = On your phones: where it was, what was good, what was bad, would you go back, would you recommend it.
stories-phones-off = Press F6 to turn phones on, and the room shares its stories from their phones.
stories-back = Back to the wall
stories-come-back-yes = Would go back
stories-come-back-no = Would not go back
stories-recommend-yes = Would recommend
stories-recommend-no = Would not recommend
phone-stage-stories = Experience sharing
phone-stories-hint = Tell a service you met yourself (the 10-minute exercise); it shows on the projector's wall.
phone-story-place = Where (which shop, which service)
phone-story-good = What was good
phone-story-bad = What was bad
phone-story-come-back = Would you go back?
phone-story-recommend = Would you recommend it?
phone-yes = Yes
phone-no = No
phone-error-empty-story = Write at least one of: where, what was good, what was bad.
phone-error-no-observing = No round to observe now.
phone-error-too-soon = Already counted: that was the same button within a second.
phone-observe-title = Observe: tap what you see
phone-observe-hint = Your taps are hidden from everyone until the reveal.
phone-observe-undo = Undo last tap
phone-observe-taps = Your taps: { $count }
phone-observe-grace = The round is over: { $secs } s to finish your taps
phone-observe-closed = Taps are in. Waiting for the reveal…
phone-observe-own = Your team is serving: the others observe.
phone-observe-result = Your judge points: { $points } ({ $agreement }% with the consensus)
phone-observe-result-title = How you judged
phone-observe-compare = you: { $you } · consensus: { $room }
phone-observe-saw = saw it
phone-observe-not = did not
stories-feature = 🔍 Discuss this one
join-rename = Rename
join-design-captain = Team card: captain edits
join-design-anyone = Team card: anyone edits
export-stories = Experience sharing
export-story-who = Who
export-story-place = Where
export-story-good = What was good
export-story-bad = What was bad
export-story-come-back = Would go back
export-story-recommend = Would recommend
export-calibration = Observer calibration
export-observer = Observer
export-observers = Observers
export-serving-team = Serving team
export-agreement = Agreement with the consensus
export-judge-points = Judge points
export-within-tolerance = Within tolerance
export-alpha = Krippendorff's α
export-disputed = Disputed (seen by / observers; ✓ consensus with the room)
export-best-judge = Best judge of the day
export-yes = yes
export-no = no

## The company's learning record store (Settings, the top bar)
lrs-title = Learning record store (LRS)
lrs-explain = The day's results go to your company's LRS (xAPI) while the camp runs. Without a network they wait beside the session file and go later.
lrs-enabled = Send while the day runs
lrs-endpoint = xAPI endpoint
lrs-user = User
lrs-password = Password
lrs-home-page = Agent home page
lrs-save = Save
lrs-chip = LRS: { $sent } sent, { $waiting } waiting
lrs-chip-offline = LRS: { $sent } sent, { $waiting } waiting (offline since { $since })
lrs-chip-stopped = LRS stopped: { $why }
lrs-stopped-credentials = the LRS refused the user or password (HTTP { $status })
lrs-stopped-refused = the LRS refused a statement (HTTP { $status }): { $message }
lrs-last-error = Last error: { $error }
lrs-retry = Retry now
lrs-set-aside = Set it aside, send the rest
lrs-retry-set-aside = Send the { $count } set aside again
lrs-set-aside-count = { $count } set aside (refused by the LRS, kept in the outbox)
lrs-off = Sending is off: { $waiting } statements wait in the outbox.
lrs-not-configured = No LRS set: the day's record stays in the exports.
lrs-outbox-problem = The outbox file: { $problem }

## Quizzes: the exports and the ledger
export-quizzes = Quizzes
export-quiz = Quiz { $number }
export-question = Question
export-question-kind = Kind
export-answers = Answers
export-distribution = Answers by choice
export-right-answer = Right answer
export-percent-correct = Correct
export-quiz-points = Quiz points
export-place = Place
export-participant = Participant
export-right-answers = Right answers
export-ledger-points = Ledger points
export-verb-answered = answered
ledger-quiz = Quiz { $number } · { $title } · { $quiz_points } quiz points · place { $place }
quiz-true = True
quiz-false = False
quiz-disc-type = Type { $letter }
phone-error-answered = You have answered this question: the first answer counts.
phone-error-too-late = Time is up for this question.
phone-error-bad-answer = That is not one of the choices.

## The quiz screen
screen-quiz = Quiz
quiz-bank-subtitle = { $count } questions in the bank
quiz-ready-sets = Ready sets
quiz-draw = Or draw from the bank
quiz-any-difficulty = Any level
quiz-count = Questions:
quiz-available = { $count } match
quiz-mode-players = Everyone on their phone
quiz-mode-teams = One answer per team
quiz-none-match = No question matches: choose another model or level.
quiz-start = ▶ Start the quiz ({ $count } questions)
quiz-keys-hint = Without phones: team number (or badge), then the choice · Enter: next
quiz-typed = Keys so far: { $keys } (Backspace starts again)
quiz-question-of = Question { $number } of { $of } · { $title }
quiz-phones-answered = 📱 { $count } of { $of } answered
quiz-close = Show the answer
quiz-show-standings = Standings
quiz-next-question = Next question
quiz-finish = Finish: points to the leaderboard
quiz-abandon = Abandon the quiz
quiz-abandoned = Quiz { $number } was abandoned.
quiz-restore = Undo
quiz-standings = Standings
quiz-final-standings = Final standings
quiz-landed = { $points } points went to the leaderboard.
quiz-mixed = Mixed
quiz-model-7a = 7A
quiz-model-six_step = Six steps
quiz-model-eoac = EOAC
quiz-model-disc = DISC
quiz-model-wrong_ways = Eight wrong ways
quiz-model-taboo = Taboo phrases
quiz-model-red_lines = Red lines
quiz-model-warmth = Warmth
quiz-model-kano = KANO
quiz-model-servqual = SERVQUAL
quiz-model-call_notes = 5W1H notes
quiz-model-dont_ask = Don't-ask topics
quiz-model-figures = Figures
quiz-model-principles = Principles
agenda-quiz-detail = A quick quiz on the course's models, from phones or team keys.
phone-stage-quiz = Quiz
phone-quiz-question = Question { $number } of { $of }
phone-quiz-order-hint = Tap the steps in their order, first to last.
phone-quiz-clear = Start again
phone-quiz-send = Send my order
phone-quiz-team-answers = One answer per team: the first to send answers for everyone.
phone-quiz-answered = Answer sent. Look at the screen!
phone-quiz-closed = Time is up.
phone-quiz-none = No answer
phone-quiz-right = Right!
phone-quiz-partly = Partly right
phone-quiz-wrong = Not this time
phone-quiz-points = +{ $points } points
phone-quiz-streak = { $streak } right in a row!
phone-quiz-right-order = The right order
phone-quiz-total = { $total } points · place { $place } of { $of }
