"""The words the minutes generate themselves (labels of values, sentences, dates), in English and
in the bilingual form of Hong Kong documents (Chinese, then English).

One date style per language: English ``3 December 2026`` (no leading zero), Chinese
``2026年12月3日``; a bilingual sentence gives its Chinese half the Chinese date and its English
half the English date. The Chinese follows resources/i18n/glossary.md.
"""

from __future__ import annotations

import datetime as dt

from mdcc_desktop.domain.dates import date_en, date_zh
from mdcc_desktop.domain.models import (
    ActionStatus,
    Attendance,
    ConferenceType,
    DecisionMethod,
    Role,
    Sex,
)


def hhmm(value: dt.datetime | None) -> str:
    return f"{value.hour:02d}:{value.minute:02d}" if value else ""


_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 一, 10 十, 12 十二, 20 二十, 35 三十五 (section numbers: 1 to 99)."""
    if n < 10:
        return _DIGITS[n]
    tens, units = divmod(n, 10)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[units] if units else "")


def section_heading(n: int, title: str, bilingual: bool) -> str:
    """``4. Decisions``, or ``四、會議決定 Decisions`` in a Hong Kong document."""
    return f"{chinese_number(n)}、{title}" if bilingual else f"{n}. {title}"


TYPE_LABELS = {
    ConferenceType.INITIAL: "initial",
    ConferenceType.REVIEW: "review",
    ConferenceType.PRE_BIRTH: "pre-birth",
    ConferenceType.OTHER: "other",
}
ZH_TYPES = {
    ConferenceType.INITIAL: "首次會議",
    ConferenceType.REVIEW: "檢討會議",
    ConferenceType.PRE_BIRTH: "產前會議",
    ConferenceType.OTHER: "其他會議",
}
METHOD_LABELS = {
    DecisionMethod.CONSENSUS: "by consensus",
    DecisionMethod.MAJORITY: "by majority",
    DecisionMethod.CHAIR: "the chair's decision",
}
ZH_METHODS = {
    DecisionMethod.CONSENSUS: "一致通過",
    DecisionMethod.MAJORITY: "大多數通過",
    DecisionMethod.CHAIR: "主席決定",
}
ATTENDANCE_LABELS = {
    Attendance.INVITED: "invited",
    Attendance.PRESENT: "present",
    Attendance.APOLOGIES: "apologies",
    Attendance.ABSENT: "absent",
    Attendance.REPORT_ONLY: "sent a report",
}
ZH_ATTENDANCE = {
    Attendance.INVITED: "已邀請",
    Attendance.PRESENT: "出席",
    Attendance.APOLOGIES: "致歉缺席",
    Attendance.ABSENT: "缺席",
    Attendance.REPORT_ONLY: "只提交報告",
}
ZH_ROLES = {
    Role.CHAIR: "會議主席",
    Role.MINUTE_TAKER: "會議記錄員",
    Role.KEY_WORKER: "主責社工",
    Role.CORE_GROUP: "核心小組",
    Role.PARENT: "家長",
    Role.CHILD: "兒童",
    Role.CARER: "照顧者",
    Role.INTERPRETER: "傳譯員",
    Role.SUPPORTER: "支援人士",
    Role.OBSERVER: "觀察員",
    Role.REPORT_AUTHOR: "報告撰寫人",
}
SEX_LABELS = {Sex.FEMALE: "female", Sex.MALE: "male", Sex.OTHER: "other", Sex.UNKNOWN: "unknown"}
ZH_SEX = {Sex.FEMALE: "女", Sex.MALE: "男", Sex.OTHER: "其他", Sex.UNKNOWN: "不詳"}
STATUS_LABELS = {
    ActionStatus.OPEN: "open",
    ActionStatus.IN_PROGRESS: "in progress",
    ActionStatus.DONE: "done",
    ActionStatus.CANCELLED: "cancelled",
}
ZH_STATUS = {
    ActionStatus.OPEN: "未完成",
    ActionStatus.IN_PROGRESS: "進行中",
    ActionStatus.DONE: "已完成",
    ActionStatus.CANCELLED: "已取消",
}
# A household member's relationship is typed freely; the usual English words get their Chinese
# in a Hong Kong document (anything else prints as typed).
ZH_RELATIONSHIPS = {
    "mother": "母親",
    "father": "父親",
    "stepmother": "繼母",
    "step-mother": "繼母",
    "stepfather": "繼父",
    "step-father": "繼父",
    "paternal grandmother": "祖母",
    "paternal grandfather": "祖父",
    "maternal grandmother": "外祖母",
    "maternal grandfather": "外祖父",
    "brother": "兄弟",
    "sister": "姊妹",
    "sibling": "兄弟姊妹",
    "half-brother": "同父異母／同母異父兄弟",
    "half-sister": "同父異母／同母異父姊妹",
    "son": "兒子",
    "daughter": "女兒",
    "mother's partner": "母親的伴侶",
    "father's partner": "父親的伴侶",
    "foster carer": "寄養家長",
    "carer": "照顧者",
    "guardian": "監護人",
    "domestic helper": "家庭傭工",
}

COPY_LABELS = {True: ("家長版本", "Parents' copy"), False: ("完整版本", "Full copy")}
YES_NO = {True: ("是", "Yes"), False: ("否", "No")}

NOT_INCLUDED = ("［此部分不包括在本文本內］", "[not included in this copy]")
RESTRICTED_MARK = ("限閱 – 不包括在家長文本", "RESTRICTED – not in the parents' copy")
# In a table row (the plan) the mark is short: the reason is at the decision or item it follows.
RESTRICTED_SHORT = ("限閱", "RESTRICTED")
# Why a part is not in the parents' copy, after the mark (domain.withheld.Reason values).
REASONS = {
    "restricted": ("", ""),
    "excluded": (
        "於家長／照顧者暫時離場時討論",
        "discussed while a parent or carer was out of the room",
    ),
    "under_withheld_item": ("屬於不包括在家長文本的議程項目", "taken under a withheld agenda item"),
    "linked_to_withheld_decision": ("跟隨不包括在家長文本的決定", "follows a withheld decision"),
    "not_shared": ("報告未與家長分享", "report not shared with the parents"),
    "exclusion_record": ("", ""),
}


def mandatory_sentence(
    made: bool, day: dt.date | None, made_to: str | None, bilingual: bool
) -> str:
    """Whether a mandatory report was made, when and to whom (never by whom)."""
    if not made:
        english = "No mandatory report was made."
        return f"沒有作出強制舉報。 {english}" if bilingual else english
    english = "A mandatory report was made"
    chinese = "已"
    if day:
        english += f" on {date_en(day)}"
        chinese += f"於{date_zh(day)}"
    if made_to:
        english += f" to {made_to}"
        chinese += f"向{made_to}"
    english += "."
    chinese += "作出強制舉報。"
    return f"{chinese} {english}" if bilingual else english


def confidentiality(comments_by: dt.date | None, bilingual: bool) -> list[str]:
    """The confidentiality statement, and the date comments on accuracy are due by (the date
    sentence is left out when no date is set)."""
    english = (
        "These minutes are confidential. They are for the people on the distribution list and "
        "must not be shown or passed to anyone else without the chair's agreement."
    )
    chinese = (
        "本會議紀錄屬機密文件，只供分發名單上的人士使用；"
        "未經會議主席同意，不得向任何其他人士展示或轉交。"
    )
    if comments_by is not None:
        english += f" Comments on their accuracy to the chair by {date_en(comments_by)}."
        chinese += f"如對紀錄的準確性有意見，請於{date_zh(comments_by)}或之前告知會議主席。"
    return [chinese, english] if bilingual else [english]
