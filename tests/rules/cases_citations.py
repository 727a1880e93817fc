"""Fire/quiet cases of the citation rules (plancc/check/rules/prose/citations.py) against the
built-in registry of documents (plancc/data/documents.yaml)."""

from tests.rules.cases import Case

_DOC = "document:\n  title: 测试县2022年教师全员培训实施方案\n  date: 2022-08-01\n"

CITATION_CASES = [
    # PL806: a registered title with another number of the same office
    Case("PL806", _DOC + "  basis:\n    - {title: 新时代基础教育强师计划, number: 教师〔2020〕6号}\n", "教师〔2020〕6号",
         _DOC + "  basis:\n    - {title: 新时代基础教育强师计划, number: 教师〔2022〕6号}\n",
         says=("教师〔2022〕6号", "教育部等八部门", "2022年4月2日", "教师〔2020〕6号"), column_at="教师〔2020〕6号",
         path="document.basis[0].number"),
    # an alias, in prose, with 第 and another registered document's number
    Case("PL806", _DOC + "  preamble: 根据《强师计划》（教师〔2019〕1号）精神，制定本方案。\n", "preamble:",
         _DOC + "  preamble: 根据《强师计划》（教师〔2022〕6号）精神，制定本方案。\n",
         says=("新时代基础教育强师计划", "教师〔2022〕6号"), column_at="教师〔2019〕1号", id="prose-alias"),
    Case("PL806", _DOC + "  preamble: 根据《中小学教师继续教育规定》（教育部令第8号），制定本方案。\n", "preamble:",
         _DOC + "  preamble: 根据《中小学教师继续教育规定》（教育部令第7号），制定本方案。\n",
         says=("教育部令第7号", "1999年9月13日"), column_at="教育部令第8号", id="order"),
    # PL807: a registered number with a title not its own
    Case("PL807", _DOC + "  basis:\n    - {title: 乡村教师培训指南, number: '教师[2019]1号'}\n", "乡村教师培训指南",
         _DOC + "  basis:\n    - {title: 教育部关于实施全国中小学教师信息技术应用能力提升工程2.0的意见, number: '教师〔2019〕1号'}\n",
         says=("教师[2019]1号", "信息技术应用能力提升工程2.0", "乡村教师培训指南"), column_at="乡村教师培训指南",
         path="document.basis[0].title"),
    Case("PL807", _DOC + "  preamble: 根据《乡村教师培训指南》（教材〔2022〕2号）精神，制定本方案。\n", "preamble:",
         _DOC + "  preamble: 根据《义务教育语文课程标准（2022年版）》（教材〔2022〕2号）精神，制定本方案。\n",
         says=("义务教育课程方案和课程标准（2022年版）",), column_at="乡村教师培训指南", id="prose"),
    # PL808: a document issued after the plan
    Case("PL808", _DOC + "  basis:\n    - {title: 教育强国建设规划纲要（2024—2035年）}\n", "教育强国建设规划纲要",
         "document:\n  title: 测试县2025年教师全员培训实施方案\n  date: 2025-03-01\n"
         "  basis:\n    - {title: 教育强国建设规划纲要（2024—2035年）}\n",
         says=("2025年1月", "2022年8月1日", "中共中央 国务院"), path="document.basis[0].title", related=("document.date",)),
    Case("PL808", "document:\n  title: 测试县2022年教师全员培训实施方案\n"
         "  preamble: 根据《中共中央 国务院关于弘扬教育家精神加强新时代高素质专业化教师队伍建设的意见》精神，制定本方案。\n"
         "period:\n  start: 2022-09\n  end: 2023-06\n", "preamble:",
         "document:\n  title: 测试县2022年教师全员培训实施方案\n"
         "  preamble: 根据《中共中央 国务院关于全面深化新时代教师队伍建设改革的意见》精神，制定本方案。\n"
         "period:\n  start: 2022-09\n  end: 2023-06\n",
         says=("2024年8月6日", "2022年9月"), related=("period.start",), id="period-start"),
    # PL809: the 文号 of a citation in prose
    Case("PL809", _DOC + "  preamble: 根据《某省教师培训规划》（皖教师[2021] 3号）精神，制定本方案。\n", "preamble:",
         _DOC + "  preamble: 根据《某省教师培训规划》（皖教师〔2021〕3号）精神，制定本方案。\n",
         says=("皖教师[2021] 3号", "皖教师〔2021〕3号"), column_at="皖教师[2021] 3号"),
    Case("PL809", _DOC + "  preamble: 根据《某省教师培训规划》（皖教师〔2021〕x号）精神，制定本方案。\n", "preamble:",
         _DOC + "  preamble: 根据《某省教师培训规划》（皖教师〔2021〕12号）精神，制定本方案。\n", says=("x",), id="blank-sequence"),
]
