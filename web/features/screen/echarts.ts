// ECharts for the wall: the app's tree-shaken registration plus the pie (the status donut), and the
// bundled city outline registered once, when the screen's code first loads.
import { PieChart } from 'echarts/charts';
import { echarts } from '../../charts/echarts.ts';
import zhejiang from '../../charts/maps/zhejiang.json';

echarts.use([PieChart]);

export interface GeoFeature { id: string; properties: { name: string; cp?: [number, number] } }
export interface BundledMap { name: string; features: GeoFeature[]; centres: Record<string, [number, number]>; regions: Set<string> }

const bundled = (name: string, geo: { features: GeoFeature[] }): BundledMap => ({
  name,
  features: geo.features,
  centres: Object.fromEntries(geo.features.filter((f) => f.properties.cp).map((f) => [f.id, f.properties.cp!] as const)),
  regions: new Set(geo.features.map((f) => f.id)),
});

/** Offline outlines by province code (web/charts/maps/README.md). */
export const SCREEN_MAPS: Record<string, BundledMap> = {
  '330000': bundled('zhejiang', zhejiang as unknown as { features: GeoFeature[] }),
};
echarts.registerMap('zhejiang', zhejiang as never);

export { echarts };
