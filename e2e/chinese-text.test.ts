import { describe, expect, it } from 'vitest';
import { chineseTextProblems } from './chinese-text.ts';

const fragments = (text: string, names: string[] = []) => chineseTextProblems(text, names).map((p) => `${p.rule}: ${p.fragment}`);

describe('what the Chinese interface must not show', () => {
  it('finds the English and the codes the issue names', () => {
    expect(fragments('gdp · 亿元')).toEqual(['latin: gdp']);
    expect(fragments('rd_spending')).toEqual(['latin: rd_spending']);
    expect(fragments('来源: ZJ-2021-OPINIONS')).toEqual(['latin: ZJ-2021-OPINIONS']);
    expect(fragments('填报人: 初始数据 (seed)')).toEqual(['latin: seed']);
    expect(fragments('“R&D经费支出”不能为负数 (must not be negative)')).toEqual(['latin: must', 'latin: not', 'latin: be', 'latin: negative']);
    expect(fragments('请求参数有误: password (invalid json: password)')).toHaveLength(4);
  });

  it('finds large numbers without separators or 万/亿, and counts with decimals', () => {
    expect(fragments('地区生产总值 3200000亿元')).toEqual(['big-number: 3200000']);
    expect(fragments('12000亩')).toEqual(['big-number: 12000']);
    expect(fragments('13.11名')).toEqual(['decimal-count: 13.11名']);
    // An address followed by a column is not a count.
    expect(fragments('127.0.0.1\t名称 会议室')).toEqual([]);
    // A spreadsheet column in its own cell is the sheet's name for it; a letter inside words is not.
    expect(fragments('2025-有错\t2\tD\t数值\t应为 320亿元')).toEqual([]);
    expect(fragments('请修改 D 列')).toEqual(['latin: D']);
  });

  it('lets names, formats, target codes, grouped numbers, dates and yearly rates pass', () => {
    expect(fragments('R&D经费支出占GDP比重 · 导出Word报告 · Excel · PNG · 支持 .xlsx 和 .csv(UTF-8 或 GBK), 最大 10 MB')).toEqual([]);
    expect(fragments('T1 约 8% · T7.2 ≤ 10名')).toEqual([]);
    expect(fragments('3,200,000亿元 · 1.2万亩 · 3.2万亿元 · 2026-12-07 05:07 · 127.0.0.1 · 330000')).toEqual(['big-number: 330000']);
    expect(fragments('每年提升 0.7名 · 需每年提高 1.3个 · 距目标差 0.7个百分点')).toEqual([]);
    expect(fragments('用户名 planner1\np', ['planner1'])).toEqual([]);
    expect(fragments('切换到英文 (switch to English)\nEnglish')).toEqual([]);
  });
});
