// The Excel template for the import: one row per park and figure it reports (the same list as the
// entry form), with the current value and version when a figure exists, a sheet explaining every
// column and rule, and the indicator list the drop-downs use.
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Indicator } from '../../shared/indicators.ts';
import { canConvert, formatValue, UNITS, type Unit } from '../../shared/units.ts';
import type { Database } from '../db/schema.ts';
import { forbidden, notFound } from '../errors.ts';
import { canWritePark, type SessionUser } from './sessions.ts';
import { listIndicators } from './catalog.ts';
import { entrySheet } from './entry.ts';
import { DATA_SHEET, MAX_CELL_CHARS, MAX_FILE_BYTES, MAX_ROWS } from './import-file.ts';
import { JUMP_FACTOR } from '../../shared/plausibility.ts';
import { regionSheet } from './region-figures.ts';
import { canWriteRegion } from './value-writes.ts';
import { yearInChina } from '../clock.ts';

export const INDICATOR_SHEET = '指标';
export const HELP_SHEET = '说明';
/** Empty rows below the pre-filled ones keep the drop-downs, for rows a writer adds. */
const SPARE_ROWS = 300;

const COLUMNS = [
  { header: '园区', width: 26, note: '园区名称(或别名); 与“园区编号”同时填写时须一致' },
  { header: '园区编号', width: 10, note: '系统中的园区编号; 填写后以编号为准' },
  { header: '指标', width: 30, note: '指标名称或代码, 可从下拉列表选择; 见“指标”工作表' },
  { header: '年份', width: 8, note: '四位年份, 如 2025' },
  { header: '数值', width: 14, note: '只填数字; 也可写成“12.5亿元”(单位列留空)。留空的行不导入' },
  { header: '单位', width: 10, note: '数值的单位; 留空即指标的标准单位。元/万元/亿元、亩/公顷/平方公里自动换算' },
  { header: '备注', width: 30, note: '口径说明; 确认大幅变化时必填' },
  { header: '确认', width: 8, note: `校验提示“需确认”的数值(不在常见范围、与最近年份相比变化超过${JUMP_FACTOR}倍等), 确认无误时填“是”并填写备注` },
  { header: '参考(此前最近数值)', width: 22, note: '只读参考: 此前最近一年的已审核数值。导入时忽略' },
  { header: '版本(勿改)', width: 10, note: '下载时该数据的版本号, 用来发现他人在此期间的修改; 请勿修改' },
] as const;

/** Planners and admins: a region's own total instead of a park's figure (the last column, so that the others keep their letters). */
const REGION_COLUMN = { header: '地区代码', width: 10, note: '省或市的合计数据(如全省规上工业增加值)填六位行政区划代码, 如 330000(浙江省)、330100(杭州市), 此时“园区”“园区编号”留空; 来源(如“浙江省统计公报 2024”)写在“备注”' };

const KIND_ZH: Record<Indicator['kind'], string> = {
  amount: '总量', count: '计数(整数)', ratio: '比率(一般由分项计算)', share: '占全省比重', percent: '百分比', rank: '排名(整数)', coverage: '覆盖(由园区名录计算)',
};

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const HELPER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

interface DataValidations {
  add(range: string, validation: ExcelJS.DataValidation): void;
}

export interface TemplateOptions {
  year: number;
  parkId?: number | undefined;
  province?: string | undefined;
}

export async function buildTemplate(db: Kysely<Database>, user: SessionUser, now: Date, options: TemplateOptions): Promise<{ bytes: Buffer; fileName: string }> {
  const { year } = options;
  let parkQuery = db.selectFrom('parks').select(['id', 'name']).orderBy('province_code').orderBy('id');
  if (options.parkId !== undefined) {
    const park = await db.selectFrom('parks').select(['id', 'name']).where('id', '=', options.parkId).executeTakeFirst();
    if (!park) throw notFound({ zh: '园区', en: 'park' }, options.parkId);
    if (!canWritePark(user, park.id)) throw forbidden('forbidden', { zh: `无权填报“${park.name}”的数据`, en: `You may not write the figures of ${park.name}` });
    parkQuery = parkQuery.where('id', '=', park.id);
  } else if (user.role === 'park_manager') {
    parkQuery = parkQuery.where('id', 'in', user.parkIds.length ? user.parkIds : [-1]);
  }
  if (options.province) parkQuery = parkQuery.where('province_code', '=', options.province);
  const [parks, indicators] = await Promise.all([parkQuery.execute(), listIndicators(db)]);
  const reportable = indicators.filter((i) => i.kind !== 'coverage');

  const workbook = new ExcelJS.Workbook();
  workbook.creator = '目标追踪';
  workbook.created = now;
  const data = workbook.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  // A province's own totals, for those who write them: the whole province's template (or all).
  const withRegions = canWriteRegion(user) && options.parkId === undefined;
  const columns = withRegions ? [...COLUMNS, REGION_COLUMN] : [...COLUMNS];
  const help = workbook.addWorksheet(HELP_SHEET);
  const catalogue = workbook.addWorksheet(INDICATOR_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });

  // --- 填报数据 ---
  data.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  columns.forEach((c, i) => {
    const cell = data.getRow(1).getCell(i + 1);
    cell.note = c.note;
    cell.font = { bold: true };
    cell.fill = i === 8 || i === 9 ? HELPER_FILL : HEADER_FILL;
  });
  let rowCount = 0;
  for (const park of parks) {
    const sheet = await entrySheet(db, park.id, year, user, now);
    if (!sheet) continue;
    for (const r of sheet.rows) {
      const unit = r.indicator.unit as Unit;
      const row = data.addRow([
        park.name, park.id, r.indicator.nameZh, year, r.current?.value ?? null, unit, r.current?.note ?? null, null,
        r.lastYear ? `${r.lastYear.year}年: ${formatValue(r.lastYear.value, unit, { digits: 4 })}` : null,
        r.current?.version ?? null,
      ]);
      rowCount++;
      row.getCell(9).fill = HELPER_FILL;
      row.getCell(10).fill = HELPER_FILL;
      row.getCell(6).dataValidation = listValidation(UNITS.filter((u) => canConvert(u, unit)), '单位', `“${r.indicator.nameZh}”可用的单位`);
    }
  }
  if (withRegions) {
    const provinces = options.province ? [options.province]
      : (await db.selectFrom('regions').select('code').where('level', '=', 'province').orderBy('code').execute()).map((r) => r.code);
    for (const code of provinces) {
      const sheet = await regionSheet(db, code, year, user);
      if (!sheet) continue;
      for (const r of sheet.rows) {
        const unit = r.indicator.unit as Unit;
        const row = data.addRow([
          null, null, r.indicator.nameZh, year, r.current?.value ?? null, unit, r.current?.note ?? null, null,
          r.lastYear ? `${sheet.region.name} ${r.lastYear.year}年: ${formatValue(r.lastYear.value, unit, { digits: 4 })}` : sheet.region.name,
          r.current?.version ?? null, code,
        ]);
        rowCount++;
        row.getCell(9).fill = HELPER_FILL;
        row.getCell(10).fill = HELPER_FILL;
        row.getCell(6).dataValidation = listValidation(UNITS.filter((u) => canConvert(u, unit)), '单位', `“${r.indicator.nameZh}”可用的单位`);
      }
    }
  }
  const first = 2;
  const last = rowCount + 1 + SPARE_ROWS;
  const validations = (data as unknown as { dataValidations: DataValidations }).dataValidations;
  validations.add(`C${first}:C${last}`, {
    type: 'list', allowBlank: true, formulae: [`'${INDICATOR_SHEET}'!$B$2:$B$${reportable.length + 1}`],
    showErrorMessage: true, errorStyle: 'warning', errorTitle: '指标', error: '请从列表中选择指标名称(也可填写指标代码)',
  });
  validations.add(`D${first}:D${last}`, {
    type: 'whole', operator: 'between', allowBlank: true, formulae: [1980, yearInChina(now)],
    showErrorMessage: true, errorTitle: '年份', error: `请填写 1980–${yearInChina(now)} 之间的四位年份`,
  });
  validations.add(`E${first}:E${last}`, {
    type: 'decimal', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0],
    showErrorMessage: true, errorStyle: 'warning', errorTitle: '数值', error: '数值应为不小于0的数字; 单位请填在“单位”列',
  });
  if (rowCount + 2 <= last) validations.add(`F${rowCount + 2}:F${last}`, listValidation([...UNITS], '单位', '数值的单位'));
  validations.add(`H${first}:H${last}`, listValidation(['是', '否'], '确认', '确认大幅变化无误时填“是”, 并填写备注'));
  data.getColumn(4).numFmt = '0';

  // --- 说明 ---
  help.columns = [{ width: 22 }, { width: 110 }];
  const lines: [string, string][] = [
    ['目标追踪 · 数据导入模板', `填报年份 ${year}; 生成于 ${new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')} (北京时间), 用户 ${user.username}`],
    ['', ''],
    ['怎么填', `在“${DATA_SHEET}”工作表中, 每一行是一个数: 某园区某指标某年份的数值。模板已为您可填报的园区列出应报的指标, 只需填写“数值”列(已有数据的行预填了当前值)。`],
    ['', '“数值”留空的行会被跳过, 不会报错。也可以添加行: 填写园区、指标、年份、数值(及单位)即可; 列的顺序可以调整, 其他列(如自己加的计算列)导入时忽略。'],
    ['', ''],
    ['列', '含义'],
    ...columns.map((c) => [c.header, c.note] as [string, string]),
    ['', '英文表头也可识别: park, park id, indicator, year, value, unit, note, confirm, version。'],
    ['', ''],
    ['单位与换算', '系统按每个指标的标准单位(见“指标”工作表)保存; 同类单位自动换算:'],
    ['金额', '1 亿元 = 10,000 万元 = 100,000,000 元。例: 填 5000 万元, 保存为 0.5 亿元'],
    ['面积', '1 平方公里 = 100 公顷 = 1,500 亩; 1 公顷 = 15 亩。例: 填 2 平方公里, 保存为 3000 亩'],
    ['百分比', '填 7.3 表示 7.3%; 设为百分比格式、显示为 7.3% 的单元格也按 7.3 读取'],
    ['家、个、名', '必须是整数'],
    ['数字写法', '可以写千分位“1,234.5”、全角数字, 或把单位写在数字后面如“12.5亿元”; “约12”“12-15”“—”等不是数字(没有数据请留空)。公式单元格取其计算结果。'],
    ['', ''],
    ['检查规则', '导入前逐行检查, 每个问题都会指出工作表、行号和列(如“E12”):'],
    ['', '园区和指标必须存在; 只能填报您有权限的园区; 年份不能是未来年份; 单位须与指标相符(如土地面积不能用“万元”)'],
    ['', '数值不能为负数; 计数和排名须为整数; 百分比不超过 100'],
    ['', '同一园区、同一指标、同一年份在文件中只能出现一次'],
    ['不可能的数值', '负数、占比超过100%、超出任何园区可能规模的数值(如园区GDP超过10万亿元)、R&D经费超过GDP、税收超过营业收入等, 不能导入; 若是万元与亿元(或亩与平方公里)混淆, 提示会给出应填的数值。'],
    ['需确认的数值', `不在常见范围内的数值、与最近一个已填报年份(之前或之后, 不论相隔几年)相比变化超过 ${JUMP_FACTOR} 倍(相隔多年时适当放宽)的数值、算出的R&D强度或亩均税收异常的数值会被拦下, 最常见的原因是万元与亿元混淆。确认无误时, 在“确认”列填“是”, 并在“备注”列写明原因。`],
    ['', ''],
    ['全部或全不', '先“试导入”: 只检查、不写入, 列出全部问题和将要新增、修改的数据。正式导入时重新检查; 只要有一处问题, 整个文件都不写入。写入在一个事务中完成, 即使中途断电或服务器停止, 数据库也保持导入前的状态。'],
    ['已有数据与版本', '修改已存在的数据时须说明所依据的版本: 模板的“版本(勿改)”列, 或试导入报告给出的版本号。如果在此期间别人修改过该数据, 导入会被拒绝并显示当前值, 不会悄悄覆盖; 核对后如仍要以文件中的数值为准, 删除该行的版本号再试导入。数值未变的行不需要版本, 也不会改变其审核状态。'],
    ['保存状态', '导入时选择“保存草稿”或“提交审核”; 审核通过的数据才计入正式进展。'],
    ['文件', `.xlsx 或 .csv(UTF-8 或 GBK/GB18030 编码, Excel 另存为的 CSV 均可); 不超过 ${MAX_FILE_BYTES / 1024 / 1024} MB、${MAX_ROWS} 行。读取名为“${DATA_SHEET}”的工作表, 没有时读取第一个有表头的工作表(隐藏的工作表不读取); 表头可以不在第一行。单元格不超过 ${MAX_CELL_CHARS} 个字。`],
  ];
  for (const [a, b] of lines) {
    const row = help.addRow([a, b]);
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    row.getCell(1).alignment = { vertical: 'top' };
    if (b === '含义') row.font = { bold: true };
  }
  help.getRow(1).font = { bold: true, size: 14 };

  // --- 指标 ---
  catalogue.columns = [
    { header: '代码', width: 26 }, { header: '名称', width: 34 }, { header: '英文名称', width: 44 }, { header: '标准单位', width: 10 },
    { header: '可用单位', width: 20 }, { header: '类型', width: 18 }, { header: '说明', width: 60 },
  ];
  catalogue.getRow(1).font = { bold: true };
  catalogue.getRow(1).fill = HEADER_FILL;
  for (const i of reportable) {
    catalogue.addRow([i.code, i.nameZh, i.nameEn, i.unit, UNITS.filter((u) => canConvert(u, i.unit)).join('、'), KIND_ZH[i.kind], i.definitionZh ?? '']);
  }

  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  const only = options.parkId !== undefined ? parks[0]?.name : undefined;
  return { bytes, fileName: `填报模板-${only ? `${only}-` : ''}${year}.xlsx` };
}

function listValidation(values: string[], title: string, prompt: string): ExcelJS.DataValidation {
  return {
    type: 'list', allowBlank: true, formulae: [`"${values.join(',')}"`],
    showInputMessage: true, promptTitle: title, prompt, showErrorMessage: true, errorStyle: 'warning', errorTitle: title, error: `请从列表中选择: ${values.join('、')}`,
  };
}
