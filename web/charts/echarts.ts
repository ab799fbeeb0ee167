// ECharts, tree-shaken: only the charts and components the views draw are registered. Imported by the
// chart-heavy pages only (they are code-split), never by the overview.
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart, MapChart, ScatterChart } from 'echarts/charts';
import {
  AriaComponent, GeoComponent, GraphicComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, VisualMapComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  LineChart, BarChart, HeatmapChart, MapChart, ScatterChart,
  // Graphic: a chart with nothing to draw says so inside its frame (shared/charts/targetChart.ts).
  AriaComponent, GeoComponent, GraphicComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, VisualMapComponent,
  CanvasRenderer,
]);

export { echarts };
export type { EChartsType } from 'echarts/core';
