/** The task pane the workbench renders: the same component Word shows (src/taskpane). */
export { TaskPane, panelFromSearch, type PanelId } from '../taskpane/TaskPane';
