/**
 * Builds the Word add-in: dist/taskpane.html (+ JS), dist/commands.html, dist/help.html (the
 * manifest's SupportUrl), dist/assets/*.png and dist/manifest.xml. The add-in pages load
 * Office.js from Microsoft's CDN (https://appsforoffice.microsoft.com/lib/1/hosted/office.js):
 * Microsoft supports only that copy and AppSource requires it; the npm package
 * @microsoft/office-js is used for types and tests only. The workbench loads no Office.js.
 *
 *   npm run build                      production build (manifest URLs → BAOCAO_PUBLIC_URL)
 *   npm run dev-server                 https://localhost:3000 with the development manifest
 *
 * BAOCAO_PUBLIC_URL (default https://baocao.example.gov.vn) replaces https://localhost:3000 in
 * the production manifest.
 *
 *   npm run build:workbench            the workbench (task pane + rendered .docx in a plain browser,
 *                                      no Word): dist/workbench/, served by `npm start`
 *                                      (scripts/serve-workbench.ts). Static files only: index.html,
 *                                      bundles, the embedded sample and the empty template.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000';
const DEFAULT_PUBLIC_URL = 'https://baocao.example.gov.vn';

function publicUrl() {
  const url = (process.env.BAOCAO_PUBLIC_URL || DEFAULT_PUBLIC_URL).replace(/\/+$/, '');
  if (!/^https:\/\/[^/\s]+(\/[^\s]*)?$/.test(url)) {
    throw new Error(`BAOCAO_PUBLIC_URL must be an https:// URL, got "${url}"`);
  }
  return url;
}

/** HTTPS options for the dev server: office-addin-dev-certs' certificates when installed. */
function devServerHttps() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const files = { key: 'localhost.key', cert: 'localhost.crt', ca: 'ca.crt' };
  if (Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) {
    return { type: 'https', options: Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f))])) };
  }
  return 'https'; // self-signed; run `npx office-addin-dev-certs install` for a trusted one
}

const TS_RULE = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: {
    loader: 'ts-loader',
    options: {
      transpileOnly: true, // type checking is `npm run typecheck`
      configFile: path.resolve(__dirname, 'tsconfig.json'),
      compilerOptions: { noEmit: false, module: 'es2020', sourceMap: true },
    },
  },
};

/** The workbench: a static site in dist/workbench (no Office.js, no manifest, no https). */
function workbenchConfig(production) {
  return {
    mode: production ? 'production' : 'development',
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    entry: { workbench: './src/workbench/index.tsx' },
    output: {
      path: path.resolve(__dirname, 'dist', 'workbench'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      // dist/cli is the bundled command line (npm run build:cli), not the add-in's to clean.
      clean: { keep: /^cli[\\/]/ },
    },
    resolve: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
    module: { rules: [TS_RULE] },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'index.html', template: './src/workbench/workbench.html', chunks: ['workbench'] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/icon-32.png', to: 'assets/[name][ext]' },
          // Every template folder's .docx files (template, sample), as templates/<id>/<file>.
          { from: '*/*.docx', context: 'src/templates', to: 'templates/[path][name][ext]' },
        ],
      }),
    ],
    optimization: optimization(production),
    performance: { maxEntrypointSize: 2 * 1024 * 1024, maxAssetSize: 1024 * 1024 },
  };
}

/** One runtime per build; React and Fluent UI in their own long-lived chunks (add-in and workbench alike). */
function optimization(production) {
  return {
    runtimeChunk: production ? 'single' : false,
    splitChunks: production
      ? {
          chunks: 'all',
          cacheGroups: {
            react: { test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, name: 'react', priority: 30 },
            fluent: { test: /[\\/]node_modules[\\/](@fluentui|@griffel|tabster|keyborg|@floating-ui|@swc)[\\/]/, name: 'fluent', priority: 20 },
            vendors: { test: /[\\/]node_modules[\\/]/, name: 'vendors', priority: 10 },
          },
        }
      : false,
  };
}

module.exports = (env, argv) => {
  const production = argv.mode === 'production';
  if (env && env.workbench) return workbenchConfig(production);
  const baseUrl = production ? publicUrl() : DEV_URL;
  return {
    mode: production ? 'production' : 'development',
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.mjs'],
    },
    module: {
      rules: [TS_RULE],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => content.toString('utf8').split(DEV_URL).join(baseUrl),
          },
          { from: 'src/help/help.html', to: 'help.html' },
        ],
      }),
    ],
    optimization: optimization(production),
    performance: {
      // Fluent UI v9 is large; the pane is served from the add-in's own server and cached. The
      // entry also carries every registered template's definition (detection scores them all;
      // about 160 KB for three templates), so the budget grows with the registry: 1.25 MiB.
      maxEntrypointSize: 1.25 * 1024 * 1024,
      maxAssetSize: 1024 * 1024,
    },
    devServer: {
      port: 3000,
      server: devServerHttps(),
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      hot: false,
    },
  };
};
