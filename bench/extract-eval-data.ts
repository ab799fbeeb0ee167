// A labelled set for the target extractor (shared/extract.ts): texts written for this project in the
// style of other provinces' high-tech-zone policies (Jiangsu, Guangdong, Shandong, Sichuan, Hubei,
// Anhui, Fujian, Henan, a city zone's three-year plan, news reports that mix past figures with
// targets). They are not copies of real documents; the figures are made up. Each label is one numeric
// target a planner would enter: the words it sits in (`at`, a substring of the text that overlaps the
// candidate's span), value and unit as the product stores them (1.5万亿元 → 15000 亿元, 六成 → 60 %;
// 全覆盖 → value null unless the text states the set's size, unit 个), comparator and year.
// Everything else with a number in these texts (past figures, rewards, thresholds, ordinals, document
// numbers) is there to be left alone.
// Since issue 17 one target said two ways is one label: a 力争 value right after a target's own is its
// `stretch` (突破8000亿元、力争达到1万亿元), and a change beside the level of the same measure restates it
// (较2022年翻一番，达到1.6万家; 总产值2100亿元，同比增长8%左右): only the level is labelled. Four texts were
// relabelled so (sz-park, sx-action, ln-two-level, jl-news).
import type { Comparator } from '../shared/progress.ts';

export interface LabelledTarget {
  at: string;
  value: number | null;
  unit: string;
  comparator: Comparator;
  year: number;
  /** The 力争 value attached to this target (达到4万家以上、力争达到5万家). */
  stretch?: number;
}

export interface LabelledText {
  id: string;
  /** A: written first, then the extractor was tuned on it. B, C, D: written after each round and measured before tuning on them. */
  batch: 'A' | 'B' | 'C' | 'D';
  style: string;
  documentYear: number | null;
  text: string;
  targets: LabelledTarget[];
}

export const EVAL_TEXTS: LabelledText[] = [
  {
    batch: 'A',
    id: 'js-opinions',
    style: '江苏 实施意见 (provincial opinions)',
    documentYear: 2022,
    text: `（二）主要目标。到2025年，全省高新区创新能力和产业竞争力显著提升，高新技术企业数量达到4万家以上，高新区研发经费支出占地区生产总值比重达到4.5%左右，高新技术产业产值占规上工业总产值比重超过60%，营业收入超千亿元的高新区达到15家，国家高新区综合排名进入全国前30位的达到8家以上；实现设区市国家高新区全覆盖。到2035年，全省高新区全面建成具有国际影响力的创新高地。
2021年，全省高新区实现营业收入4.1万亿元，同比增长11.2%，以占全省约10%的土地贡献了全省约30%的地区生产总值。`,
    targets: [
      { at: '高新技术企业数量达到4万家以上', value: 40000, unit: '家', comparator: 'at_least', year: 2025 },
      { at: '高新区研发经费支出占地区生产总值比重达到4.5%左右', value: 4.5, unit: '%', comparator: 'about', year: 2025 },
      { at: '高新技术产业产值占规上工业总产值比重超过60%', value: 60, unit: '%', comparator: 'more_than', year: 2025 },
      { at: '营业收入超千亿元的高新区达到15家', value: 15, unit: '家', comparator: 'at_least', year: 2025 },
      { at: '进入全国前30位的达到8家以上', value: 8, unit: '家', comparator: 'at_least', year: 2025 },
      { at: '实现设区市国家高新区全覆盖', value: null, unit: '个', comparator: 'at_least', year: 2025 },
    ],
  },
  {
    batch: 'A',
    id: 'gd-plan',
    style: '广东 高新区高质量发展行动方案',
    documentYear: 2023,
    text: `一、工作目标
到2025年，全省高新区营业收入突破6万亿元，工业增加值达到1.2万亿元，高新技术企业超过3.5万家，国家级科技企业孵化器达到180家，技术合同成交额达到3000亿元；国家高新区数量达到16家，省级以上高新区实现地级以上市全覆盖。到2027年，全省高新区营业收入力争达到8万亿元。
二、重点任务
（一）强化创新引领。支持高新区建设新型研发机构，对新认定的省级新型研发机构给予最高500万元资助。`,
    targets: [
      { at: '营业收入突破6万亿元', value: 60000, unit: '亿元', comparator: 'at_least', year: 2025 },
      { at: '工业增加值达到1.2万亿元', value: 12000, unit: '亿元', comparator: 'at_least', year: 2025 },
      { at: '高新技术企业超过3.5万家', value: 35000, unit: '家', comparator: 'more_than', year: 2025 },
      { at: '国家级科技企业孵化器达到180家', value: 180, unit: '家', comparator: 'at_least', year: 2025 },
      { at: '技术合同成交额达到3000亿元', value: 3000, unit: '亿元', comparator: 'at_least', year: 2025 },
      { at: '国家高新区数量达到16家', value: 16, unit: '家', comparator: 'at_least', year: 2025 },
      { at: '省级以上高新区实现地级以上市全覆盖', value: null, unit: '个', comparator: 'at_least', year: 2025 },
      { at: '营业收入力争达到8万亿元', value: 80000, unit: '亿元', comparator: 'at_least', year: 2027 },
    ],
  },
  {
    batch: 'A',
    id: 'sd-opinions',
    style: '山东 关于推动高新区高质量发展的意见',
    documentYear: 2021,
    text: `到2025年，力争国家高新区达到15家、省级高新区达到40家以上；全省高新区研发投入强度达到3.5%，亩均税收比2020年提高20%以上，规上工业企业研发机构覆盖率达到八成以上。每个国家高新区至少培育1家营业收入超百亿元的领军企业。济南、青岛高新区综合排名稳居全国前15位，其他国家高新区排名逐年提升。`,
    targets: [
      { at: '国家高新区达到15家', value: 15, unit: '家', comparator: 'at_least', year: 2025 },
      { at: '省级高新区达到40家以上', value: 40, unit: '家', comparator: 'at_least', year: 2025 },
      { at: '研发投入强度达到3.5%', value: 3.5, unit: '%', comparator: 'at_least', year: 2025 },
      { at: '亩均税收比2020年提高20%以上', value: 20, unit: '%', comparator: 'at_least', year: 2025 },
      { at: '研发机构覆盖率达到八成以上', value: 80, unit: '%', comparator: 'at_least', year: 2025 },
      { at: '至少培育1家营业收入超百亿元的领军企业', value: 1, unit: '家', comparator: 'at_least', year: 2025 },
      { at: '综合排名稳居全国前15位', value: 15, unit: '名', comparator: 'at_most', year: 2025 },
    ],
  },
  {
    batch: 'A',
    id: 'sc-action',
    style: '四川 高新区高质量发展三年行动计划（2023—2025年）',
    documentYear: 2023,
    text: `四川省高新区高质量发展三年行动计划（2023—2025年）
主要目标：
1.经济规模持续壮大。全省高新区营业收入年均增长10%以上，到2025年突破3.5万亿元。
2.创新能力明显增强。高新技术企业数量年均增长15%，全社会研发经费投入强度提高1个百分点。
3.绿色发展水平提升。单位工业增加值能耗下降13.5%，工业固体废物综合利用率保持在90%以上。`,
    targets: [
      { at: '营业收入年均增长10%以上', value: 10, unit: '%', comparator: 'at_least', year: 2025 },
      { at: '到2025年突破3.5万亿元', value: 35000, unit: '亿元', comparator: 'at_least', year: 2025 },
      { at: '高新技术企业数量年均增长15%', value: 15, unit: '%', comparator: 'at_least', year: 2025 },
      { at: '研发经费投入强度提高1个百分点', value: 1, unit: '个百分点', comparator: 'at_least', year: 2025 },
      { at: '单位工业增加值能耗下降13.5%', value: 13.5, unit: '%', comparator: 'at_least', year: 2025 },
      { at: '综合利用率保持在90%以上', value: 90, unit: '%', comparator: 'at_least', year: 2025 },
    ],
  },
  {
    batch: 'A',
    id: 'hb-zone-plan',
    style: '湖北 东湖高新区 三年行动 (a zone\'s own plan, relative years)',
    documentYear: 2023,
    text: `为加快建设世界一流高科技园区，东湖高新区制定本行动方案。力争用三年时间，全区高新技术企业突破8000家，新增上市企业15家，独角兽企业达到10家；五年内，全区研发投入强度稳定在9%左右，培育千亿级产业集群3个。2022年，全区高新技术企业5600家，居全国国家高新区第4位。`,
    targets: [
      { at: '全区高新技术企业突破8000家', value: 8000, unit: '家', comparator: 'at_least', year: 2025 },
      { at: '新增上市企业15家', value: 15, unit: '家', comparator: 'at_least', year: 2025 },
      { at: '独角兽企业达到10家', value: 10, unit: '家', comparator: 'at_least', year: 2025 },
      { at: '研发投入强度稳定在9%左右', value: 9, unit: '%', comparator: 'about', year: 2027 },
      { at: '培育千亿级产业集群3个', value: 3, unit: '个', comparator: 'at_least', year: 2027 },
    ],
  },
  {
    batch: 'A',
    id: 'ah-news',
    style: '安徽 新闻报道 (a report mixing past figures and targets)',
    documentYear: 2024,
    text: `记者从省科技厅获悉，2023年全省高新区实现营业收入2.8万亿元，同比增长9.6%；高新技术企业数量从2018年的5400家增长到2023年的1.5万家，连续三年增速居全国第二位。下一步，我省将实施高新区提质升级行动，力争到2026年，全省高新区营业收入突破3.6万亿元，国家高新区数量达到10家，合肥高新区综合排名保持全国前五。对新晋升的国家高新区，省财政给予一次性奖励1000万元。`,
    targets: [
      { at: '营业收入突破3.6万亿元', value: 36000, unit: '亿元', comparator: 'at_least', year: 2026 },
      { at: '国家高新区数量达到10家', value: 10, unit: '家', comparator: 'at_least', year: 2026 },
      { at: '综合排名保持全国前五', value: 5, unit: '名', comparator: 'at_most', year: 2026 },
    ],
  },
  {
    batch: 'A',
    id: 'fj-opinions',
    style: '福建 实施意见 (distributive and respective lists)',
    documentYear: 2022,
    text: `到2025年，全省高新区地区生产总值、规上工业增加值占全省比重均超过25%，营业收入和工业总产值分别达到2.5万亿元、2万亿元，科技型中小企业和高新技术企业分别突破1.2万家和8000家。到2030年，福州、厦门高新区进入全国前20名。`,
    targets: [
      { at: '均超过25%', value: 25, unit: '%', comparator: 'more_than', year: 2025 },
      { at: '均超过25%', value: 25, unit: '%', comparator: 'more_than', year: 2025 },
      { at: '2.5万亿元', value: 25000, unit: '亿元', comparator: 'at_least', year: 2025 },
      { at: '2万亿元', value: 20000, unit: '亿元', comparator: 'at_least', year: 2025 },
      { at: '1.2万家', value: 12000, unit: '家', comparator: 'at_least', year: 2025 },
      { at: '8000家', value: 8000, unit: '家', comparator: 'at_least', year: 2025 },
      { at: '福州、厦门高新区进入全国前20名', value: 20, unit: '名', comparator: 'at_most', year: 2030 },
    ],
  },
  {
    batch: 'A',
    id: 'hn-plan',
    style: '河南 “十四五”规划节选 (plan periods, Chinese numerals, 以下/以内)',
    documentYear: 2021,
    text: `“十四五”期间，全省高新区累计新增高新技术企业五千家，新建省级以上创新平台二百个。到“十四五”末，高新区单位工业增加值用水量控制在10立方米以内，亩均税收不低于30万元/亩，低效用地企业实现动态清零，工业用地闲置率降至5%以下。`,
    targets: [
      { at: '累计新增高新技术企业五千家', value: 5000, unit: '家', comparator: 'at_least', year: 2025 },
      { at: '新建省级以上创新平台二百个', value: 200, unit: '个', comparator: 'at_least', year: 2025 },
      { at: '用水量控制在10立方米以内', value: 10, unit: '立方米', comparator: 'at_most', year: 2025 },
      { at: '亩均税收不低于30万元/亩', value: 30, unit: '万元/亩', comparator: 'at_least', year: 2025 },
      { at: '低效用地企业实现动态清零', value: 0, unit: '家', comparator: 'at_most', year: 2025 },
      { at: '工业用地闲置率降至5%以下', value: 5, unit: '%', comparator: 'at_most', year: 2025 },
    ],
  },
  {
    batch: 'A',
    id: 'sz-park',
    style: '苏州 园区年度工作要点 (this year and next, counts before nouns)',
    documentYear: 2024,
    text: `2024年工作目标：全年力争实现规上工业总产值6200亿元，同比增长5%左右；新增高新技术企业400家以上，新引进各类研发机构30家；培育10家以上专精特新“小巨人”企业。2023年，园区实现地区生产总值3686亿元。明年，园区将力争跻身全国高新区综合评价前3位。`,
    targets: [
      { at: '规上工业总产值6200亿元', value: 6200, unit: '亿元', comparator: 'at_least', year: 2024 },
      { at: '新增高新技术企业400家以上', value: 400, unit: '家', comparator: 'at_least', year: 2024 },
      { at: '新引进各类研发机构30家', value: 30, unit: '家', comparator: 'at_least', year: 2024 },
      { at: '培育10家以上专精特新“小巨人”企业', value: 10, unit: '家', comparator: 'at_least', year: 2024 },
      { at: '跻身全国高新区综合评价前3位', value: 3, unit: '名', comparator: 'at_most', year: 2025 },
    ],
  },
  {
    batch: 'A',
    id: 'zj-city',
    style: '浙江 设区市 实施方案 (baselines, 翻番, 不超过)',
    documentYear: 2023,
    text: `到2027年，全市高新区高新技术产业增加值较2022年翻一番，R&D经费支出占GDP比重由2022年的3.1%提高到4%，规上工业亩均增加值达到200万元/亩以上。工业企业安全生产事故起数不超过5起。全市每个县（市、区）均建有1个以上省级高新区或高新技术产业园区。`,
    targets: [
      { at: '较2022年翻一番', value: 2, unit: '倍', comparator: 'at_least', year: 2027 },
      { at: '由2022年的3.1%提高到4%', value: 4, unit: '%', comparator: 'at_least', year: 2027 },
      { at: '规上工业亩均增加值达到200万元/亩以上', value: 200, unit: '万元/亩', comparator: 'at_least', year: 2027 },
      { at: '事故起数不超过5起', value: 5, unit: '起', comparator: 'at_most', year: 2027 },
      { at: '均建有1个以上省级高新区', value: 1, unit: '个', comparator: 'at_least', year: 2027 },
    ],
  },
  {
    batch: 'A',
    id: 'cq-zone',
    style: '重庆 高新区 建设方案 (no year for some; funding; past ranks)',
    documentYear: 2022,
    text: `重庆高新区要加快建设具有全国影响力的科技创新中心核心区。力争到2025年，研发投入强度达到6%，高新技术企业数达到2000家，科技型企业数突破1万家。要持续优化营商环境，企业开办时间压缩至1个工作日以内。区财政每年安排不少于10亿元的科技创新专项资金。2021年，重庆高新区在全国国家高新区综合排名中居第33位，较上年提升8位。`,
    targets: [
      { at: '研发投入强度达到6%', value: 6, unit: '%', comparator: 'at_least', year: 2025 },
      { at: '高新技术企业数达到2000家', value: 2000, unit: '家', comparator: 'at_least', year: 2025 },
      { at: '科技型企业数突破1万家', value: 10000, unit: '家', comparator: 'at_least', year: 2025 },
    ],
  },
  {
    batch: 'A',
    id: 'hn-hunan-list',
    style: '湖南 行动计划 (a list of goals in lines after a colon)',
    documentYear: 2022,
    text: `到2025年，全省高新区发展实现以下目标：
——创新能力显著增强。高新区研发经费投入强度达到3%以上，每万名从业人员拥有发明专利数达到100件。
——产业集群加快壮大。培育营业收入超千亿元产业集群5个以上，高新技术产业营业收入占比超过50%。
——园区能级大幅提升。长沙高新区综合排名进入全国前10位，新增国家高新区2家。
三、保障措施
对综合评价排名前5的省级高新区，每家给予200万元奖励。`,
    targets: [
      { at: '研发经费投入强度达到3%以上', value: 3, unit: '%', comparator: 'at_least', year: 2025 },
      { at: '拥有发明专利数达到100件', value: 100, unit: '件', comparator: 'at_least', year: 2025 },
      { at: '培育营业收入超千亿元产业集群5个以上', value: 5, unit: '个', comparator: 'at_least', year: 2025 },
      { at: '高新技术产业营业收入占比超过50%', value: 50, unit: '%', comparator: 'more_than', year: 2025 },
      { at: '长沙高新区综合排名进入全国前10位', value: 10, unit: '名', comparator: 'at_most', year: 2025 },
      { at: '新增国家高新区2家', value: 2, unit: '家', comparator: 'at_least', year: 2025 },
    ],
  },
  // --- batch B -------------------------------------------------------------------------------------
  {
    batch: 'B',
    id: 'zj-county',
    style: '浙江 县级 高新园区 实施方案 (至/截至, 其中, 较上年)',
    documentYear: 2023,
    text: `至2025年，全县高新技术产业增加值占规上工业增加值比重提高到70%，高新技术企业数量达到300家，其中营业收入超亿元的高新技术企业50家。截至2026年底，高新园区亩均税收达到35万元/亩以上。2024年，全县高新技术产业增加值较上年增长12%以上。2022年全县高新技术企业238家，较上年净增41家。`,
    targets: [
      { at: '比重提高到70%', value: 70, unit: '%', comparator: 'at_least', year: 2025 },
      { at: '高新技术企业数量达到300家', value: 300, unit: '家', comparator: 'at_least', year: 2025 },
      { at: '营业收入超亿元的高新技术企业50家', value: 50, unit: '家', comparator: 'at_least', year: 2025 },
      { at: '亩均税收达到35万元/亩以上', value: 35, unit: '万元/亩', comparator: 'at_least', year: 2026 },
      { at: '较上年增长12%以上', value: 12, unit: '%', comparator: 'at_least', year: 2024 },
    ],
  },
  {
    batch: 'B',
    id: 'jx-opinions',
    style: '江西 实施意见 (百分之, 两成, bare 万亿, 每年新增)',
    documentYear: 2022,
    text: `到2025年，全省高新区营业收入达到1.5万亿，研发经费投入强度不低于百分之三，战略性新兴产业增加值占规上工业增加值比重提高两成以上，每年新增高新技术企业1000家左右。到2035年，高新区基本实现高质量发展。`,
    targets: [
      { at: '营业收入达到1.5万亿', value: 15000, unit: '亿元', comparator: 'at_least', year: 2025 },
      { at: '不低于百分之三', value: 3, unit: '%', comparator: 'at_least', year: 2025 },
      { at: '提高两成以上', value: 20, unit: '%', comparator: 'at_least', year: 2025 },
      { at: '每年新增高新技术企业1000家左右', value: 1000, unit: '家', comparator: 'about', year: 2025 },
    ],
  },
  {
    batch: 'B',
    id: 'sx-action',
    style: '陕西 行动方案 (翻番 with a number, 以下 with a compound unit, 未来三年)',
    documentYear: 2023,
    text: `未来三年，西安高新区高新技术企业数量较2022年翻一番，达到1.6万家；单位工业增加值能耗降至0.3吨标准煤/万元以下；企业研发投入占营业收入比重不低于5%；研发人员达到10万人。`,
    targets: [
      { at: '达到1.6万家', value: 16000, unit: '家', comparator: 'at_least', year: 2025 },
      { at: '降至0.3吨标准煤/万元以下', value: 0.3, unit: '吨标准煤/万元', comparator: 'at_most', year: 2025 },
      { at: '不低于5%', value: 5, unit: '%', comparator: 'at_least', year: 2025 },
      { at: '研发人员达到10万人', value: 100000, unit: '人', comparator: 'at_least', year: 2025 },
    ],
  },
  {
    batch: 'B',
    id: 'gx-clusters',
    style: '广西 高新区 产业集群 (counts before nouns in a list, 前50强, 经过三年努力)',
    documentYear: 2023,
    text: `经过三年努力，全区高新区培育形成2个千亿级、5个百亿级产业集群，南宁高新区进入全国高新区前50强，柳州高新区综合排名提升10位以上。全区现有国家高新区4家、自治区级高新区14家。`,
    targets: [
      { at: '2个千亿级', value: 2, unit: '个', comparator: 'at_least', year: 2025 },
      { at: '5个百亿级产业集群', value: 5, unit: '个', comparator: 'at_least', year: 2025 },
      { at: '进入全国高新区前50强', value: 50, unit: '名', comparator: 'at_most', year: 2025 },
      { at: '综合排名提升10位以上', value: 10, unit: '位', comparator: 'at_least', year: 2025 },
    ],
  },
  {
    batch: 'B',
    id: 'hlj-news',
    style: '黑龙江 新闻 (targets in a report, past plan periods, 截至 as a past date)',
    documentYear: 2024,
    text: `截至2023年底，全省共有高新区22家，其中国家高新区3家。《黑龙江省高新区高质量发展行动方案（2021—2023年）》实施以来，高新区营业收入年均增长9.8%。省科技厅负责人表示，到2027年，全省高新区营业收入力争突破5000亿元，高新技术企业数量达到6000家以上，哈尔滨高新区争创世界一流高科技园区。`,
    targets: [
      { at: '营业收入力争突破5000亿元', value: 5000, unit: '亿元', comparator: 'at_least', year: 2027 },
      { at: '高新技术企业数量达到6000家以上', value: 6000, unit: '家', comparator: 'at_least', year: 2027 },
    ],
  },
  {
    batch: 'B',
    id: 'yn-opinions',
    style: '云南 意见 (再用, 年底前, 不超过, 低于)',
    documentYear: 2022,
    text: `力争再用三年时间，全省高新区数量达到20家，其中国家高新区不少于4家；2023年底前，每个州（市）至少建成1个省级以上高新区。高新区工业用地平均容积率不低于1.2，闲置土地率低于3%，规上企业研发活动覆盖率超过50%。`,
    targets: [
      { at: '全省高新区数量达到20家', value: 20, unit: '家', comparator: 'at_least', year: 2024 },
      { at: '国家高新区不少于4家', value: 4, unit: '家', comparator: 'at_least', year: 2024 },
      { at: '至少建成1个省级以上高新区', value: 1, unit: '个', comparator: 'at_least', year: 2023 },
      { at: '闲置土地率低于3%', value: 3, unit: '%', comparator: 'less_than', year: 2023 },
      { at: '覆盖率超过50%', value: 50, unit: '%', comparator: 'more_than', year: 2023 },
    ],
  },
  {
    batch: 'B',
    id: 'tj-zone',
    style: '天津 滨海高新区 年度计划 (今年, 约, 近, ranges)',
    documentYear: 2024,
    text: `今年，滨海高新区确保地区生产总值增长6%左右，固定资产投资约200亿元，新增国家级专精特新“小巨人”企业近20家，高新技术企业总数保持在4000—4500家。去年，全区实现地区生产总值1200亿元。`,
    targets: [
      { at: '地区生产总值增长6%左右', value: 6, unit: '%', comparator: 'about', year: 2024 },
      { at: '固定资产投资约200亿元', value: 200, unit: '亿元', comparator: 'about', year: 2024 },
      { at: '新增国家级专精特新“小巨人”企业近20家', value: 20, unit: '家', comparator: 'about', year: 2024 },
      { at: '保持在4000—4500家', value: 4000, unit: '家', comparator: 'at_least', year: 2024 },
    ],
  },
  {
    batch: 'B',
    id: 'nm-no-year',
    style: '内蒙古 意见 (aims without years; a relative year without the document year)',
    documentYear: null,
    text: `各高新区要把科技创新摆在突出位置，研发经费投入强度要高于所在盟市平均水平。力争三年内，包头稀土高新区稀土新材料产业产值突破1000亿元。到2025年，全区高新区数量达到10家以上，实现盟市全覆盖。`,
    targets: [
      { at: '全区高新区数量达到10家以上', value: 10, unit: '家', comparator: 'at_least', year: 2025 },
      { at: '实现盟市全覆盖', value: null, unit: '个', comparator: 'at_least', year: 2025 },
    ],
  },
  // --- batch C -------------------------------------------------------------------------------------
  {
    batch: 'C',
    id: 'ln-two-level',
    style: '辽宁 实施方案 (确保/力争 two levels, 实现…的目标, spaces around numbers)',
    documentYear: 2022,
    text: `主要目标是：到2025年，全省高新区确保营业收入突破8000亿元、力争达到1万亿元，实现高新技术企业 3000 家以上的目标；沈阳、大连高新区在全国排名分别提升至第20位、第25位以内。`,
    targets: [
      { at: '确保营业收入突破8000亿元', value: 8000, unit: '亿元', comparator: 'at_least', year: 2025, stretch: 10000 },
      { at: '实现高新技术企业 3000 家以上', value: 3000, unit: '家', comparator: 'at_least', year: 2025 },
      { at: '第20位', value: 20, unit: '名', comparator: 'at_most', year: 2025 },
      { at: '第25位以内', value: 25, unit: '名', comparator: 'at_most', year: 2025 },
    ],
  },
  {
    batch: 'C',
    id: 'sx-table',
    style: '山西 指标表 flattened into text (基期值 / 目标值)',
    documentYear: 2021,
    text: `主要指标：高新技术企业数量，2020年基期值为1800家，2025年目标值为4000家；研发经费投入强度，2020年为2.1%，2025年目标为3%；技术合同成交额，2025年目标为300亿元。`,
    targets: [
      { at: '2025年目标值为4000家', value: 4000, unit: '家', comparator: 'at_least', year: 2025 },
      { at: '2025年目标为3%', value: 3, unit: '%', comparator: 'at_least', year: 2025 },
      { at: '2025年目标为300亿元', value: 300, unit: '亿元', comparator: 'at_least', year: 2025 },
    ],
  },
  {
    batch: 'C',
    id: 'js-city-zone',
    style: '江苏 设区市 高新区 (较“十三五”末, 万人, 每万人)',
    documentYear: 2021,
    text: `“十三五”期间，全市高新区营业收入年均增长12.5%。到“十四五”末，全市高新区营业收入较“十三五”末翻一番，每万名就业人员中研发人员达到1200人年，集聚各类人才10万人以上，万元地区生产总值能耗较2020年下降14%。`,
    targets: [
      { at: '较“十三五”末翻一番', value: 2, unit: '倍', comparator: 'at_least', year: 2025 },
      { at: '集聚各类人才10万人以上', value: 100000, unit: '人', comparator: 'at_least', year: 2025 },
      { at: '较2020年下降14%', value: 14, unit: '%', comparator: 'at_least', year: 2025 },
    ],
  },
  {
    batch: 'C',
    id: 'gz-news',
    style: '贵州 新闻 (quotes from an official, 明年, 年底前, facts before and after)',
    documentYear: 2023,
    text: `“今年以来，贵阳高新区新增高新技术企业120家，总数达到1080家。”该区负责人介绍，年底前将力争新增科技型企业200家；明年，全区营业收入力争突破1000亿元，研发投入强度达到4.5%。目前，全区已建成省级以上创新平台86个。`,
    targets: [
      { at: '力争新增科技型企业200家', value: 200, unit: '家', comparator: 'at_least', year: 2023 },
      { at: '营业收入力争突破1000亿元', value: 1000, unit: '亿元', comparator: 'at_least', year: 2024 },
      { at: '研发投入强度达到4.5%', value: 4.5, unit: '%', comparator: 'at_least', year: 2024 },
    ],
  },
  {
    batch: 'C',
    id: 'qh-opinions',
    style: '青海 意见 (no numbers: qualitative only; a far horizon)',
    documentYear: 2022,
    text: `到2025年，全省高新区创新能力显著增强，产业结构明显优化，西宁高新区争创国家创新型特色园区。到本世纪中叶，高新区全面建成现代化产业体系。`,
    targets: [],
  },
  {
    batch: 'C',
    id: 'hb-hebei',
    style: '河北 行动计划 (numbered goals with years inside, 以上 after 万家, 不超过)',
    documentYear: 2023,
    text: `（一）到2024年底，全省高新区高新技术企业突破1.2万家，科技型中小企业达到2.5万家以上。
（二）到2025年，全省高新区工业增加值占全省比重达到25%，单位工业增加值能耗比2022年下降10%以上，闲置低效用地不超过500亩。
（三）推动石家庄、保定高新区争创世界一流高科技园区。`,
    targets: [
      { at: '高新技术企业突破1.2万家', value: 12000, unit: '家', comparator: 'at_least', year: 2024 },
      { at: '科技型中小企业达到2.5万家以上', value: 25000, unit: '家', comparator: 'at_least', year: 2024 },
      { at: '工业增加值占全省比重达到25%', value: 25, unit: '%', comparator: 'at_least', year: 2025 },
      { at: '比2022年下降10%以上', value: 10, unit: '%', comparator: 'at_least', year: 2025 },
      { at: '闲置低效用地不超过500亩', value: 500, unit: '亩', comparator: 'at_most', year: 2025 },
    ],
  },
  // --- batch D -------------------------------------------------------------------------------------
  {
    batch: 'D',
    id: 'zj-ningbo',
    style: '宁波 高新区 “十四五”规划 (到期末, 超过…以上, 占比, 倍增)',
    documentYear: 2021,
    text: `到“十四五”期末，宁波高新区地区生产总值突破1000亿元，规上工业总产值达到1500亿元以上，数字经济核心产业增加值占GDP比重超过30%，国家高新技术企业数量实现倍增。2020年，全区地区生产总值为650亿元。`,
    targets: [
      { at: '地区生产总值突破1000亿元', value: 1000, unit: '亿元', comparator: 'at_least', year: 2025 },
      { at: '规上工业总产值达到1500亿元以上', value: 1500, unit: '亿元', comparator: 'at_least', year: 2025 },
      { at: '占GDP比重超过30%', value: 30, unit: '%', comparator: 'more_than', year: 2025 },
      { at: '国家高新技术企业数量实现倍增', value: 2, unit: '倍', comparator: 'at_least', year: 2025 },
    ],
  },
  {
    batch: 'D',
    id: 'gd-sz',
    style: '深圳 行动计划 (2023—2025年 in the text, 亿元 and 万亿元 mixed, 每年)',
    documentYear: 2023,
    text: `2023—2025年，深圳高新区每年新增国家高新技术企业不少于800家，累计引进高层次人才5000名以上；到2025年，园区营业收入达到2.5万亿元，企业研发投入超过1500亿元，PCT国际专利申请量保持全国第一。`,
    targets: [
      { at: '每年新增国家高新技术企业不少于800家', value: 800, unit: '家', comparator: 'at_least', year: 2025 },
      { at: '累计引进高层次人才5000名以上', value: 5000, unit: '名', comparator: 'at_least', year: 2025 },
      { at: '营业收入达到2.5万亿元', value: 25000, unit: '亿元', comparator: 'at_least', year: 2025 },
      { at: '企业研发投入超过1500亿元', value: 1500, unit: '亿元', comparator: 'more_than', year: 2025 },
    ],
  },
  {
    batch: 'D',
    id: 'cq-opinions',
    style: '重庆 意见 (各…均, 不低于 on a level, past 2022 facts in between)',
    documentYear: 2023,
    text: `到2027年，各国家高新区研发投入强度均不低于4%，各省级高新区均不低于2.5%。2022年，全市高新区研发投入强度为3.2%。到2030年，全市高新区营业收入突破2万亿元。`,
    targets: [
      { at: '各国家高新区研发投入强度均不低于4%', value: 4, unit: '%', comparator: 'at_least', year: 2027 },
      { at: '各省级高新区均不低于2.5%', value: 2.5, unit: '%', comparator: 'at_least', year: 2027 },
      { at: '营业收入突破2万亿元', value: 20000, unit: '亿元', comparator: 'at_least', year: 2030 },
    ],
  },
  {
    batch: 'D',
    id: 'hn-hainan',
    style: '海南 方案 (力争在…前, 以内 with 天, 全部, 亩均)',
    documentYear: 2022,
    text: `力争在2025年前，海口国家高新区亩均营业收入达到1000万元/亩，工业项目审批时间压缩至30天以内，批而未供土地全部清零，园区污水集中处理率达到100%。`,
    targets: [
      { at: '亩均营业收入达到1000万元/亩', value: 1000, unit: '万元/亩', comparator: 'at_least', year: 2025 },
      { at: '审批时间压缩至30天以内', value: 30, unit: '天', comparator: 'at_most', year: 2025 },
      { at: '批而未供土地全部清零', value: 0, unit: '个', comparator: 'at_most', year: 2025 },
      { at: '污水集中处理率达到100%', value: 100, unit: '%', comparator: 'at_least', year: 2025 },
    ],
  },
  {
    batch: 'D',
    id: 'jl-news',
    style: '吉林 新闻 (上半年 facts, 全年 target, 预计)',
    documentYear: 2023,
    text: `今年上半年，长春高新区实现规上工业总产值1020亿元，同比增长8.1%。全年，长春高新区预计实现规上工业总产值2100亿元，同比增长8%左右。`,
    targets: [
      { at: '预计实现规上工业总产值2100亿元', value: 2100, unit: '亿元', comparator: 'at_least', year: 2023 },
    ],
  },
  {
    batch: 'D',
    id: 'nx-opinions',
    style: '宁夏 意见 (县(市、区) coverage, 争取, 十个以上)',
    documentYear: 2022,
    text: `到2025年，争取实现全区22个县（市、区）省级以上高新区（园区）全覆盖，银川高新区争创国家创新型特色园区，培育科技型中小企业1000家以上、高新技术企业十家以上“瞪羚”企业。`,
    targets: [
      { at: '22个县（市、区）省级以上高新区（园区）全覆盖', value: 22, unit: '个', comparator: 'at_least', year: 2025 },
      { at: '培育科技型中小企业1000家以上', value: 1000, unit: '家', comparator: 'at_least', year: 2025 },
    ],
  },
];
