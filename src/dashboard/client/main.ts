/** Entry point of the dashboard bundle (built by `npm run build:dashboard` into dist/dashboard/app/app.js and app.css). */
import 'uplot/dist/uPlot.min.css';
import './app.css';
import { startApp } from './app.js';

const root = document.getElementById('app');
if (root === null) throw new Error('the page has no #app element');
startApp(root);
