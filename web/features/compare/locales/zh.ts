// The words of compare in Chinese (the Chinese travel in the chunk of the code that uses them).
export default {
  'title': '对比',
  'text': '选择省份(全部园区汇总)或园区, 在同一指标上对比。',
  'provinces': '省份',
  'parks': '园区',
  'addPark': '添加园区',
  'parksFrom': '园区所在省份',
  'remove': '移除 {{name}}',
  'choose': '请选择至少一个省份或园区。',
  'notAggregable': '该指标不能跨园区汇总, 只能对比园区。',
  'noData': '{{name}} (无可比数值)',
  'provinceZones': '{{province}}高新区',
} as const;
