// The words of map in Chinese (the Chinese travel in the chunk of the code that uses them).
export default {
  'title': '地图',
  'mode': '显示',
  'coverageOption': '覆盖: {{name}}',
  'uncoveredTitle': '未覆盖的城市',
  'allCovered': '所有城市均已覆盖',
  'coveredLegend': '已覆盖',
  'uncoveredLegend': '未覆盖',
  'noValue': '无数据',
  'cityTable': '各城市汇总',
  'parksNote': '园区点位按所在城市示意, 不是精确位置。',
  'noMap': '暂无该省的离线地图, 以下按城市列出。',
  'col.city': '城市',
  'col.parks': '纳入园区',
  'parks': '园区',
} as const;
