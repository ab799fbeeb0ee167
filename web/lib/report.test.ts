import { describe, expect, it } from 'vitest';
import { fileNameOf, reportPath, reportProvince } from './report.ts';

describe('the progress report', () => {
  it('asks for the filters by the API’s names', () => {
    expect(reportPath({ province: '330000', basis: 'approved' })).toBe('/api/reports/progress.docx?province=330000');
    expect(reportPath({ province: '330000', plan: 'ZJ-2021', targetYear: 2027, basis: 'submitted' }))
      .toBe('/api/reports/progress.docx?province=330000&plan=ZJ-2021&targetYear=2027&basis=submitted');
  });

  it('takes the Chinese file name the server gives, else the plain one', () => {
    expect(fileNameOf(`attachment; filename="progress-report.docx"; filename*=UTF-8''${encodeURIComponent('浙江省高新区发展目标进展监测报告-2026-12-06.docx')}`))
      .toBe('浙江省高新区发展目标进展监测报告-2026-12-06.docx');
    expect(fileNameOf('attachment; filename="progress-report.docx"; filename*=UTF-8\'\'%E6%B5%99%')).toBe('progress-report.docx');
    expect(fileNameOf(null)).toBeNull();
  });

  it('reports on a target’s province, or the filter’s, or asks for one', () => {
    expect(reportProvince('330100', null)).toBe('330000');
    expect(reportProvince(null, '440000')).toBe('440000');
    expect(reportProvince(null, null)).toBeNull();
    expect(reportProvince(null, 'zhejiang')).toBeNull();
  });
});
