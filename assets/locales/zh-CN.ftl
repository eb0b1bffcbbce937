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
help-home = 回到首页
help-help = 显示 / 隐藏本帮助
help-close = 关闭弹窗

quit-title = 确定退出服务训练营?
quit-body = 本场训练已有团队和积分。退出前请确认数据已保存。
quit-confirm = 退出
quit-cancel = 继续训练

teams-count = { $count } 支团队
points = { $points } 分

home-welcome = 欢迎来到服务训练营
home-tagline = 情感第一,解决问题第二,满意的结果第三
home-start = ▶ 开始今天的训练
home-session = 当前训练:{ $name }
home-no-session = 尚未建立训练场次 —— 从“团队”开始组建队伍
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

round-subtitle = 演示情景:包裹丢失的客户(D 型)
round-mood = 客户情绪
round-checklist = 7A 检查表
round-time-left = 剩余时间
step-7a-accept = 接受
step-7a-apologize = 道歉
step-7a-acknowledge = 认同
step-7a-analyze = 分析
step-7a-alternatives = 权宜
step-7a-agreement = 协议
step-7a-assurance = 保证
phase-emotion = 情感
phase-problem = 问题
phase-result = 结果

result-subtitle = 闪电队 · 第一轮 · 包裹丢失
result-total = 总分
result-model-7a = 7A 投诉处理
result-model-six = 六步骤
result-model-disc = DISC 匹配度
result-penalties = 禁语与态度红线

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

debrief-subtitle = 5 个收获 · 3 个工具 · 1 个行动计划
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
