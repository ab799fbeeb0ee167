// The words of heatmap in Chinese (the Chinese travel in the chunk of the code that uses them).
export default {
  'title': '园区 × 目标 状态热力图',
  'text': '每个园区按自身数据对照适用的目标(本园区目标、所属类别目标、全省比率目标)计算状态。',
  'empty': '没有可以逐园区对照的目标',
} as const;
