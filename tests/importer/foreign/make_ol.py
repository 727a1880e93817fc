"""Write the ol-*.docx documents: plans whose outline and title block are set out otherwise
than the seeds' (run from the repository root: ``python tests/importer/foreign/make_ol.py``).

- ol-xiaoben: a school's 校本研修方案 whose headings are only Word heading styles (标题 1/2/3),
  no number typed and none generated; the title split by a typed line break; “一是……二是……”
  paragraphs; “**” and “{=hours.required}” typed as text; a 联系人 line; a date in Chinese numerals.
- ol-zhangjie: 第一章/第一节/第一条 articles; the 发文机关标志 and the 文号 above the title; a 主送 line; 版记
  (抄送, 印发) after the date.
- ol-pcn: the first level is （一） with no 一、 above it; headings ending in “。”, run-in
  headings after a half-width “:”, a heading split by a typed line break; the attachment note,
  two issuers side by side, then 附件1 and 附件2 each on a new page with a title and a table.
- ol-longtitle: itself 附件2 of a notice; a title of four lines; the 文号 under the title;
  1、 and (1) typed; two issuers one above the other; a date in Chinese numerals.

The places, people and figures are invented. The packages are deterministic (fixed
properties, zip entries in name order with a fixed date).
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
FIXED = datetime(2025, 2, 20, 9, 0, 0)


def _save(doc, name: str) -> None:
    cp = doc.core_properties
    cp.author = cp.last_modified_by = "教务处"
    cp.title = name
    cp.created = cp.modified = FIXED
    cp.revision = 1
    buf = io.BytesIO()
    doc.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for entry in sorted(src.namelist()):
            if entry.endswith("thumbnail.jpeg"):
                continue
            blob = src.read(entry)
            if entry == "_rels/.rels":
                blob = re.sub(rb'<Relationship [^>]*thumbnail[^>]*/>', b"", blob)
            info = zipfile.ZipInfo(entry, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, blob)
    (HERE / f"{name}.docx").write_bytes(out.getvalue())


def _new():
    doc = docx.Document()
    normal = doc.styles["Normal"]
    normal.font.name = "仿宋_GB2312"
    normal.font.size = Pt(16)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "仿宋_GB2312")
    return doc


def _para(doc, text: str = "", *, align=None, bold=None, size=None, style=None, indent=True, page_break=False):
    """A paragraph; a “\\n” in ``text`` is a typed line break (w:br)."""
    p = doc.add_paragraph(style=style)
    if page_break:
        p.paragraph_format.page_break_before = True
    if align == "center":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif align == "right":
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif indent and style is None:
        p.paragraph_format.first_line_indent = Pt(32)
    for i, line in enumerate(text.split("\n")):
        run = p.add_run(line)
        if i < len(text.split("\n")) - 1:
            run.add_break(WD_BREAK.LINE)
        if bold is not None:
            run.bold = bold
        if size is not None:
            run.font.size = Pt(size)
    return p


def _title(doc, text: str):
    return _para(doc, text, align="center", bold=True, size=22)


def _heading_style(doc, name: str, level: int):
    """A paragraph style of that name (WPS and a Chinese Word write “标题 2”) with an outline level."""
    st = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    st.base_style = doc.styles["Normal"]
    st.font.bold = True
    ppr = st.element.get_or_add_pPr()
    lvl = OxmlElement("w:outlineLvl")
    lvl.set(qn("w:val"), str(level))
    ppr.append(lvl)
    return st


def _table(doc, rows: list[list[str]], header: bool = True):
    t = doc.add_table(rows=len(rows), cols=len(rows[0]))
    t.style = doc.styles["Table Grid"]
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    if header:
        trpr = t.rows[0]._tr.get_or_add_trPr()
        h = OxmlElement("w:tblHeader")
        trpr.append(h)
    return t


# ---- ol-xiaoben ---------------------------------------------------------------------------

def xiaoben():
    doc = _new()
    h3 = _heading_style(doc, "标题 3", 2)
    _title(doc, "青川县实验小学2025年春季学期\n校本研修实施方案")
    _para(doc, "为落实县教育体育局关于加强中小学校本研修的工作要求，促进教师在日常教学中持续成长，"
               "结合我校“小课题、大教研”的工作传统，制定本学期校本研修实施方案。")
    _para(doc, "研修目标", style="Heading 1")
    _para(doc, "以课堂为主阵地，以教研组为基本单位，引导教师把教学中的真实问题转化为研修主题，"
               "在备课、上课、观课、议课的循环中提升课堂教学能力和育人能力。")
    _para(doc, "研修内容", style="Heading 1")
    _para(doc, "师德师风专题", style="Heading 2")
    _para(doc, "一是组织全体教师学习新时代中小学教师职业行为准则；二是开展“我身边的好老师”故事分享；"
               "三是每位教师撰写一篇师德反思。")
    _para(doc, "课堂教学能力提升", style="Heading 2")
    _para(doc, "单元整体教学设计", style=h3)
    _para(doc, "各教研组选定一个单元，集体研读课程标准和教材，共同完成单元教学设计并在组内试教。")
    _para(doc, "作业设计与评价", style=h3)
    _para(doc, "围绕“双减”要求，各学科教师每月提交一份分层作业设计，教研组择优汇编成册。")
    _para(doc, "研修时间与学时", style="Heading 1")
    _para(doc, "本学期校本研修自2025年3月1日起至2025年6月30日止。每位教师本学期完成校本研修不少于36学时，"
               "其中全校集中研修12学时，教研组研修24学时。")
    _para(doc, "组织与保障", style="Heading 1")
    _para(doc, "学校成立校本研修工作小组，校长任组长，分管教学副校长任副组长，各教研组长为成员，"
               "工作小组办公室设在教务处。")
    _para(doc, "一是保障时间，每周三下午第三节课后为固定研修时间；二是保障经费，研修经费按学校公用经费的5%列支；"
               "三是加强考核，研修情况纳入教师年度考核。")
    _para(doc, "研修手册中标有“**”的专题为必修专题，标有“**选修**”的由教师自选；各组填报时把“{=hours.required}”"
               "这样的占位符换成本组实际学时。")
    _para(doc, "联系人：王晓梅，联系电话：0839-7212345。")
    _para(doc, "青川县实验小学", align="right")
    _para(doc, "二〇二五年二月二十日", align="right")
    _save(doc, "ol-xiaoben")


# ---- ol-zhangjie --------------------------------------------------------------------------

def zhangjie():
    doc = _new()
    _para(doc, "青川县教育体育局文件", align="center", bold=True, size=36)
    _para(doc, "青教体发〔2025〕8号", align="center")
    _title(doc, "青川县中小学教师继续教育管理实施方案")
    _para(doc, "各乡镇中心学校、县直各学校：", indent=False)
    _para(doc, "为规范全县中小学教师继续教育工作，经局党组研究，现将本方案印发给你们，请认真贯彻执行。")
    _para(doc, "第一章　总则", align="center", bold=True)
    _para(doc, "第一条　为建设高素质专业化教师队伍，规范教师继续教育的组织、实施和学时管理，结合我县实际，制定本方案。")
    _para(doc, "第二条　本方案适用于全县公办中小学、幼儿园在职在岗教师。")
    _para(doc, "第二章　培训内容与学时", align="center", bold=True)
    _para(doc, "第一节　学时要求", align="center")
    _para(doc, "第三条　教师每年参加继续教育不少于72学时，五年累计不少于360学时。")
    _para(doc, "第四条　新任教师在试用期内参加岗前培训不少于120学时。")
    _para(doc, "第二节　培训形式", align="center")
    _para(doc, "第五条　继续教育采取集中培训、网络研修和校本研修相结合的方式，校本研修学时不超过年度学时的二分之一。")
    _para(doc, "第三章　考核与管理", align="center", bold=True)
    _para(doc, "第六条　县教师发展中心负责学时登记，每年12月对各校教师学时完成情况进行审核。")
    _para(doc, "第七条　学时审核结果作为教师年度考核、职称评聘和评优评先的依据。")
    _para(doc, "第四章　附则", align="center", bold=True)
    _para(doc, "第八条　本方案由县教育体育局负责解释。")
    _para(doc, "第九条　本方案自印发之日起施行。")
    _para(doc, "青川县教育体育局", align="right")
    _para(doc, "2025年2月20日", align="right")
    _para(doc, "抄送：县人民政府办公室，县教师发展中心。", indent=False)
    _para(doc, "青川县教育体育局办公室　　　　2025年2月20日印发", indent=False)
    _save(doc, "ol-zhangjie")


# ---- ol-pcn -------------------------------------------------------------------------------

def pcn():
    doc = _new()
    _title(doc, "青川县2025年新入职教师岗前培训实施方案")
    _para(doc, "根据《四川省新入职教师规范化培训指导意见》（川教〔2024〕31号）等文件精神，"
               "为帮助新入职教师尽快适应岗位要求，县教师发展中心决定举办2025年新入职教师岗前培训，现制定方案如下。")
    _para(doc, "（一）培训对象。")
    _para(doc, "2025年新招聘到我县中小学、幼儿园任教的教师，共86人。")
    _para(doc, "（二）培训时间:2025年8月11日至8月22日，共10天。")
    _para(doc, "（三）培训内容\n与组织形式")
    _para(doc, "1.师德与法规。学习教师法、未成年人保护法和教师职业行为准则，观看师德典型事迹。")
    _para(doc, "2.课堂教学基本功。进行教学设计、说课和板书训练，每人完成一节汇报课。")
    _para(doc, "3.班级管理实务。由县级优秀班主任讲授班级建设、家校沟通和学生心理辅导。")
    _para(doc, "（四）考核办法：培训实行百分制考核，出勤占30%，作业占30%，汇报课占40%，60分及以上为合格。")
    _para(doc, "（五）工作要求。")
    _para(doc, "一是各学校要按时通知新入职教师参训，不得以任何理由缺席；二是参训教师须自带教材和笔记本电脑；"
               "三是培训期间严格遵守作息时间，请假须经所在学校和培训班主任同意。")
    _para(doc, "联系人：县教师发展中心 李建军；联系电话：0839-7223456。")
    _para(doc, "附件：1.青川县2025年新入职教师岗前培训课程安排表", indent=True)
    _para(doc, "2.青川县2025年新入职教师岗前培训报名汇总表", indent=True)
    _para(doc, "青川县教育体育局　　　　青川县教师发展中心", align="right")
    _para(doc, "2025年7月20日", align="right")
    _para(doc, "附件1", indent=False, page_break=True)
    _title(doc, "青川县2025年新入职教师岗前培训课程安排表")
    _table(doc, [["日期", "培训内容", "主讲人", "学时"],
                 ["8月11日", "开班仪式、师德专题讲座", "张国华", "6"],
                 ["8月12日—8月15日", "课堂教学基本功训练", "县学科教研员", "24"],
                 ["8月18日—8月20日", "班级管理实务", "刘芳", "18"],
                 ["8月21日—8月22日", "汇报课与结业考核", "培训班导师组", "12"]])
    _para(doc, "附件2", indent=False, page_break=True)
    _title(doc, "青川县2025年新入职教师岗前培训报名汇总表")
    _para(doc, "报送单位（盖章）：　　　　　　　填表人：", indent=False)
    _table(doc, [["序号", "姓名", "性别", "任教学段", "任教学科", "联系电话"],
                 ["1", "", "", "", "", ""],
                 ["2", "", "", "", "", ""]])
    _save(doc, "ol-pcn")


# ---- ol-longtitle -------------------------------------------------------------------------

def longtitle():
    doc = _new()
    _para(doc, "附件2", indent=False)
    for line in ("青川县2025—2027年中小学幼儿园", "教师继续教育“强师工程”", "暨全员培训三年行动", "实施方案"):
        _title(doc, line)
    _para(doc, "青教体〔2025〕15号", align="center")
    _para(doc, "各乡镇中心学校、县直各学校，各民办学校：", indent=False)
    _para(doc, "为进一步提升全县教师队伍整体素质，经研究，决定在2025年至2027年实施教师继续教育“强师工程”，具体方案如下。")
    _para(doc, "一、总体目标")
    _para(doc, "用三年时间，对全县中小学幼儿园教师开展一轮全员培训，每位教师三年累计完成不少于216学时的培训任务，"
               "其中县级集中培训不少于72学时。")
    _para(doc, "二、主要任务")
    _para(doc, "1、实施骨干教师示范引领行动")
    _para(doc, "(1)每年遴选县级骨干教师50名，开展为期一年的跟岗研修。")
    _para(doc, "(2)骨干教师每学期至少上一节示范课、开一次专题讲座。")
    _para(doc, "2、实施乡村教师能力提升行动")
    _para(doc, "组织城区学校与乡村学校结对，开展送教下乡、同课异构等活动，每学年不少于4次。")
    _para(doc, "三、实施步骤")
    _para(doc, "（一）启动阶段（2025年3月—2025年6月）：制定方案，完成教师培训需求调研。")
    _para(doc, "（二）实施阶段（2025年7月—2027年6月）：按年度计划分层分类组织培训。")
    _para(doc, "（三）总结阶段（2027年7月—2027年12月）：开展三年行动总结评估，表彰先进。")
    _para(doc, "四、保障措施")
    _para(doc, "各校要将教师培训经费列入年度预算，按不低于学校年度公用经费的5%安排，专款专用。")
    _para(doc, "青川县教育体育局", align="right")
    _para(doc, "青川县人力资源和社会保障局", align="right")
    _para(doc, "二〇二五年三月五日", align="right")
    _save(doc, "ol-longtitle")


if __name__ == "__main__":
    xiaoben()
    zhangjie()
    pcn()
    longtitle()
