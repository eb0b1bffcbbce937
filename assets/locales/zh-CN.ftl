# 服务训练营 · 界面文字(简体中文,默认)
# 培训师可直接编辑本文件,无需重新编译;保存后重启应用生效。
# 格式:Fluent(https://projectfluent.org),每行 “键 = 文字”,{ $name } 为参数。

app-title = 服务训练营
language-name = 中文
switch-language = 切换界面语言
theme-dark = 🌙 深色
theme-light = ☀ 浅色
hint-keys = PgDn/→ 下一页 · PgUp/← 上一页 · B 黑屏 · S 计时 · F11 全屏 · L 切换语言 · F1 快捷键

screen-home = 首页
screen-agenda = 议程
screen-teams = 团队
screen-presentations = 展示与投票
screen-library = 情景库
screen-round = 角色扮演
screen-round-result = 本轮结果
screen-leaderboard = 排行榜
screen-practice = 自主练习
screen-debrief = 5-3-1 总结
screen-settings = 设置

problems-title = 部分内容文件有问题,请修正;其余内容照常可用:
problems-more = ……另有 { $count } 处问题

help-title = 快捷键(翻页笔可用)
help-next = 下一页
help-prev = 上一页
help-blank = 黑屏 / 恢复
help-fullscreen = 全屏 / 退出全屏
help-language = 切换中文 / English
help-round-start = 角色扮演:开始 / 暂停本轮
help-round-pad = 角色扮演:按键打分(按钮上标有按键)
help-round-undo = 角色扮演:撤销上一次打分
help-round-end = 角色扮演:结束本轮
help-round-console = 单屏时切换讲师控制台
help-home = 回到首页
help-help = 显示 / 隐藏本帮助
help-close = 关闭弹窗

quit-title = 确定退出服务训练营?
quit-body = 本场训练的每一处改动都已自动保存,下次打开即可继续。确定现在关闭吗?
quit-confirm = 退出
quit-cancel = 继续训练

teams-count = { $count } 支团队
points = { $points } 分

home-welcome = 欢迎来到服务训练营
home-tagline = 情感第一,解决问题第二,满意的结果第三
home-start = ▶ 开始今天的训练
home-session = 本场训练:
home-session-name = 本场训练的名称(例如:华东物流客服训练营 · 第一天)
home-no-session = 还没有团队和积分 —— 从“团队”开始组建队伍
home-models = 今天练习的模型
home-model-7a = 7A 投诉处理
home-model-six = 处理抱怨六步骤
home-model-eoac = EOAC 超标需求
home-model-disc = DISC 客户类型

agenda-subtitle = 今天的流程 —— 用翻页笔逐项推进
agenda-minutes = { $minutes } 分钟
agenda-agreement-detail = 手机静音 · 不随意走动 · 准时 · 积极参与 · 尊重发言者 · 欢乐带来成功
agenda-team-building-detail = 10 分钟设计队名、队徽、口号、队歌,选出队长;每队展示 1 分钟,全员投票
agenda-sharing-detail = 分享最近一次作为顾客的经历:好在哪里、差在哪里,还会再去吗?
agenda-roleplay-detail = 按情景卡轮流上场,现场按 7A、六步骤、EOAC 评分
agenda-debrief-detail = 5 个收获、3 个工具、1 个立即执行的行动计划
agenda-total = 全天共 { $minutes } 分钟
teams-design = ⏱ 开始 { $minutes } 分钟团队设计
present-shuffle = 🎲 随机展示顺序
help-clock-toggle = 计时 开始 / 暂停
help-clock-reset = 计时 重置
help-clock-minute = 计时 加 1 分钟
agenda-open = 打开

teams-subtitle = 队名 · 队徽 · 口号 · 队歌 · 队长
teams-empty = 还没有团队。

present-subtitle = 每队展示 1 分钟,最后一分钟全员投票选出最佳团队
present-now = 正在展示
present-up-next = 接下来
present-start = ▶ 开始
present-pause = ⏸ 暂停
present-reset = ↺ 重置
present-add-minute = +1 分钟

library-subtitle = { $count } 个情景 · 按类型、客户性格、难度筛选,或随机抽取
teams-add = + 添加团队
teams-name = 队名
teams-logo = 队徽
teams-slogan = 口号
teams-song-hint = 队歌
teams-captain-hint = 队长
teams-members-hint = 队员(用逗号或顿号分隔)
teams-move-up = 上移
teams-move-down = 下移
teams-remove = × 删除
present-all-done = 全部团队展示完毕 —— 请投票
present-next-team = 下一队 ▶
vote-title = 投票:每队投给最佳展示(不能投自己)
vote-hint = 每行是投票的团队,点击它选中的团队;或键入两个数字(投票队序号 + 所选队序号);可随时改票
vote-leader = 目前领先:{ $team }
vote-award = 🏆 颁奖(+{ $points } 分)
leaderboard-change = 较上一轮的变化
ledger-title = 积分记录与手动加减分
ledger-reason = 原因(必填)
ledger-bonus = + 加分
ledger-penalty = − 扣分
ledger-undo = 撤销
ledger-restore = 恢复
home-backup-offer = 会话文件无法读取(原文件不会被覆盖),但它的备份完好。
home-restore-backup = 恢复备份
home-resume-last = 继续上次的训练
home-recent = 最近的训练:

teams-pick-team = 🎲 抽一支队伍上场
teams-pick-member = 🎲 抽一位扮演客户
vote-clock = ⏱ 开始投票计时
settings-durations = 计时设置(保存在本场训练中)
settings-round-points = 角色扮演计分(保存在本场训练中)
settings-points-for-full-score = 讲师评分满分折合(分)
settings-points-per-star = 同伴每颗星(分)
settings-design-minutes = 团队设计(分钟)
settings-presentation-seconds = 每队展示(秒)
settings-voting-seconds = 投票(秒)
library-all = 全部
kind-complaint = 投诉
kind-over-scope = 超标需求
difficulty-easy = 简单
difficulty-medium = 中等
difficulty-hard = 困难
library-draw = 🎲 随机抽取
library-none = 没有符合条件的情景
library-pick = 从左侧选择一个情景,或随机抽取
library-minutes = { $minutes } 分钟
library-rep-brief = 服务代表须知
library-key-behaviours = 好的处理应做到
library-show-card = 🔒 显示客户卡(仅扮演客户者可看)
library-hide-card = 🔒 隐藏客户卡
library-dialogue = 含自主练习对话({ $nodes } 个节点)
card-persona = 人物
card-what-happened = 发生了什么
card-hidden-needs = 隐藏需求
card-escalates = 什么会让客户更生气
card-calms = 什么能让客户平静
card-opening = 开场白
card-how-to-talk = 说话方式
disc-d-name = D 支配型
disc-d-traits = 以自我为中心,话只说一遍,想掌控局面
disc-d-win = 赢在速度:马上给出具体方案
disc-i-name = I 影响型
disc-i-traits = 说个不停,表达夸张,情绪起伏大
disc-i-win = 赢在关系:热情、认同、拉近距离
disc-s-name = S 稳健型
disc-s-traits = 反应较慢,温和包容,反复确认
disc-s-win = 赢在安心:耐心解释、承诺跟进
disc-c-name = C 谨慎型
disc-c-traits = 追问细节,措辞严谨,重事实和证据
disc-c-win = 赢在专业:条款、依据、准确数字

round-subtitle = 一名服务代表接待一位客户,全场观察并打分
round-mood = 客户情绪
round-time-left = 剩余时间
round-next = 下一轮
round-no-scenario = 讲师在控制台选择情景
round-rep = 服务代表:{ $name }
round-waiting-hint = 讲师按空格键开始本轮 · F2 打开控制台
round-see-result = 查看上一轮结果
round-open-console = 打开讲师控制台
round-paused = 已暂停
round-walked-out = 客户离开了!情绪降到 0
round-over = 本轮结束,请各队评分
round-number = 第 { $number } 轮
round-peer-title = 同伴评分(其他各队 1–5 星)
round-peer-average = 同伴平均 { $stars } ★

console-title = 讲师控制台
console-close-window = 关闭控制台窗口
console-audience = 返回观众视图
console-own-window = 在单独窗口打开
console-start = 开始本轮
console-start-needs = 先选情景和服务团队
console-team = 服务团队
console-no-teams = 还没有团队:请先在“团队”页添加
console-rep = 服务代表
console-rep-hint = 姓名
console-customer = 扮演客户
console-trainer = 讲师
console-models = 评分模型
console-mood = 情绪 { $mood }
console-score = 得分 { $score }
console-pause = 暂停
console-resume = 继续
console-undo = 撤销
console-end = 结束本轮
console-abandon = 作废本轮
console-quote = 记录原话(回车评分)
console-quote-hint = 例如:非常抱歉让您久等了
console-log = 记录
console-log-empty = 还没有记录:按键打分
console-notes = 讲师备注
console-rate-hint = 各队依次按 1–5 给星(或点击),回车确认并计分
console-points = 讲师评分 { $score } → { $from_score } 分(满分 { $full })+ 同伴 { $stars }★ × { $per_star } = { $from_peers } 分 → 共 { $total } 分
console-finish = 确认并计分

result-subtitle = 还没有结果
result-total = 总分
result-penalties = 扣分(原话)
result-none = 还没有进行角色扮演。在“角色扮演”页打开控制台开始第一轮。
result-previous = 上一轮
result-next = 下一轮
result-points-landed = 已计入排行榜:{ $points } 分(评分 { $from_score } + 同伴 { $from_peers })
result-points-pending = 待计分:{ $points } 分(评分 { $from_score } + 同伴 { $from_peers })
result-out-of-order = 顺序不对
result-missing = 没做到
result-best-gain = 最值得改进的一件事
result-avoid = 避免“{ $penalty }”
result-worth = 可多得 { $points } 分
result-no-penalties = 没有扣分,很好!
result-mood-curve = 客户情绪曲线

leaderboard-subtitle = 积分 = 所有加减分记录之和
leaderboard-rank = 第 { $rank } 名

practice-subtitle = 一个人,一位模拟客户,按同样的模型获得反馈
practice-how = 选择情景 → 阅读服务代表须知 → 客户先开口 → 每一轮选择或输入你的回答 → 查看复盘
practice-choose-disc = 想练哪种客户?

practice-any = 任意类型
practice-surprise = 🎲 随机来一位客户
practice-not-yet = 尚未练习
practice-best = 最好成绩 { $score } 分
practice-progress = 我的进度
practice-streak = 连续练习 { $days } 天
practice-done-count = 已完成 { $count } 个情景
practice-mastered = 已掌握:{ $models }
practice-none-mastered = 暂无(单个模型得分达到 80 即为掌握)
practice-rep-brief = 服务代表须知
practice-mood = 客户情绪
practice-understood-as = 系统把你的回答理解为选项 { $option }
practice-your-turn = 你的回答(按 1–4 选择,或输入自己的话)
practice-type-hint = 输入你的回答,按回车发送
practice-send = 发送
practice-patience = 客户还能等 { $seconds } 秒
practice-impatient = 客户等得不耐烦了!
practice-ending-resolved = 🎉 问题解决,客户满意
practice-ending-escalated = ⚠ 客户要求升级投诉
practice-ending-walked-out = 🚪 客户愤然离开
practice-score = 得分
practice-mood-curve = 情绪曲线
practice-retry = 再练一次
practice-another = 换一个情景
practice-you-said = 你说:
practice-model-answer = 参考回答:
practice-slow = 回答太慢

debrief-subtitle-shape = { $takeaways } 个收获 · { $tools } 个工具 · { $actions } 个行动计划
debrief-gallery = 🖼 全部团队
debrief-use-531 = 改为 5-3-1
debrief-use-321 = 改为 3-2-1
debrief-tool-hint = 从课程工具中选择,或自己填写:
debrief-what = 做什么
debrief-by-when = 何时完成
debrief-checker = 谁来检查
debrief-not-yet = 尚未填写
debrief-plan-line = { $what }(截止:{ $when },检查人:{ $who })
tool-7a = 7A 投诉处理
tool-six-step = 处理抱怨六步骤
tool-eoac = EOAC 超标需求
tool-disc = DISC 客户类型
tool-kano = KANO 需求模型
tool-servqual = SERVQUAL 服务质量
tool-warmth = 四个温暖技巧
tool-emotional-bank = 情绪银行
tool-5w1h = 5W1H 记录法
debrief-export = 📤 导出报告
debrief-exported = 已导出到 { $folder }
debrief-takeaways = 印象深刻的 5 个收获
debrief-tools = 落地应用的 3 个工具
debrief-action = 立刻执行的 1 个行动计划
debrief-empty = (待填写)

settings-subtitle = 这些偏好保存在本机,下次打开时沿用
settings-language = 界面语言
settings-theme = 主题
settings-theme-light = 浅色(明亮会场)
settings-theme-dark = 深色(暗场投影)
settings-motion = 减少动画(无过渡、无彩带)
settings-sound = 声音提示(倒计时提醒)
settings-fullscreen = 全屏 / 退出全屏(F11)
settings-quit = 退出应用
settings-about = 字体:思源黑体 / Noto Sans CJK SC,SIL 开源字体许可证 1.1(见 assets/fonts/OFL.txt)
debrief-whole-team = 全队
debrief-weak-tools = 今天演练中最薄弱的步骤:
debrief-weak-actions = 或把一个薄弱步骤定为行动:
debrief-weak-step-hint = { $missed ->
    [0] { $rounds } 轮中有 { $order } 轮顺序不对
   *[other] { $rounds } 轮中有 { $missed } 轮漏掉{ $order ->
        [0] {""}
       *[other] ,{ $order } 轮顺序不对
    }
}

## Exports: the client report, CSV headers and xAPI display words

export-untitled = 未命名训练营
export-exported-at = 导出时间
export-agenda = 日程
export-step = 环节
export-minutes = 分钟
export-total-minutes = 合计分钟
export-teams = 团队
export-no-teams = 尚无团队。
export-team = 团队
export-captain = 队长
export-members = 队员
export-slogan = 口号
export-song = 队歌
export-leaderboard = 排行榜
export-rank = 名次
export-total = 总分
export-change-since-last-round = 最近一轮变化
export-rounds = 角色扮演轮次
export-no-rounds = 尚未记录任何角色扮演轮次:积分账目中没有轮次得分。
export-round-column = 轮次
export-timeline = 时间线
export-scenario = 情景
export-rep = 客服代表
export-customer-player = 客户扮演者
export-trainer = 讲师
export-ending = 结束方式
export-ended = 正常结束
export-walked-out = 客户愤而离开
export-score = 讲师评分(满分 100)
export-judged-by = 评判模型
export-peer-average = 同伴平均星级
export-points-from-score = 评分折算积分
export-points-from-peers = 同伴星级积分
export-model = 模型
export-model-step = 步骤
export-order = 顺序
export-out-of-order = 顺序颠倒
export-said = 原话
export-missing-steps = 未做到的步骤
export-penalties = 扣分项
export-no-penalties = 没有扣分项。
export-best-gain = 最值得改进的一点
export-nothing-to-gain = 没有可以再提高的地方。
export-ledger-only-rounds = 积分账目中的其他轮次得分
export-ledger = 积分明细
export-empty-ledger = 积分账目为空。
export-entry-number = 序号
export-time = 时间
export-source = 来源
export-points = 分数
export-round-points = 本轮积分
export-reason = 原因
export-status = 状态
export-counts = 有效
export-undone = 已撤销
export-vote = 团队风采投票
export-bonus = 讲师加分
export-penalty = 扣分
export-debriefs = 总结
export-no-debriefs = 尚未填写任何总结。
export-whole-class = 全班
export-takeaways = 收获
export-tools = 工具
export-actions = 行动计划
export-what = 行动
export-by-when = 完成时间
export-checker = 检查人
export-verb-scored = 得分
export-verb-earned = 获得加分
export-verb-penalized = 被扣分
export-verb-completed = 完成
export-verb-showed = 做到
export-round = 第 { $number } 轮
export-member-of = { $name }({ $team })
export-gain-by-step = 做到“{ $model } · { $step }”,可多得 { $points } 分
export-gain-by-avoiding = 避免“{ $penalty }”,可多得 { $points } 分
export-gain-by-avoiding-said = 避免“{ $penalty }”(“{ $said }”),可多得 { $points } 分
export-removed-team = 已删除的团队(编号 { $id })

## The text score report (`service-camp score`)

report-title = 服务训练营 · 评分报告
report-total = 总分
report-judged-by = 评分模型
report-models = 模型
report-found = 做到
report-missing = 缺少
report-order = 顺序
report-points = 得分明细
report-to-work-on = 还可以做到
report-turn = 第{ $number }轮
report-mood = 情绪银行
report-walked-out = 客户在第{ $number }轮离开
report-none = 无
report-list-separator = 、

## Words the camp writes into the session (in its language when written)

camp-new-team = 第{ $number }队
camp-new-camp = 服务训练营 { $date }
ledger-vote = 团队风采展示 · 最佳团队
ledger-round = 第{ $number }轮 · { $title } · 讲师评分 { $score }
ledger-round-peers = 第{ $number }轮 · { $title } · 讲师评分 { $score } · 同伴 { $peers }★

console-window-title = 讲师控制台 · 服务训练营

vote-tie-rule = 平票时,先展示的团队获胜:第一个上台最难,后面的团队还能借鉴前面的展示。
report-disc-d = D 支配型 · 赢在速度
report-disc-i = I 影响型 · 赢在关系
report-disc-s = S 稳健型 · 赢在安心
report-disc-c = C 谨慎型 · 赢在专业

save-failed = 未能保存:{ $problem }。改动暂存在内存中;退出前请另存一份到其他位置。
save-read-only = 本训练营已在另一个服务训练营窗口中打开:此窗口只读,不会保存任何改动。
quit-unsaved = 现在退出,上面提到的改动将会丢失。请先另存一份到其他文件夹:
quit-save-copy = 💾 另存到这里

vote-awarded = ✓ 已颁发:{ $points } 分
vote-award-undo = 撤销颁奖

console-discard-confirm = 确定作废本轮?
console-discard-yes = 确定作废
console-discard-no = 保留
console-discarded = 第 { $number } 轮已作废。
console-discard-undo = ↶ 恢复本轮

teams-members = 队员
console-quote-nothing = 未计分
