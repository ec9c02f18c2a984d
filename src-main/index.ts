/**
 * Electron main process: a thin shell around the engine. Windows, security
 * settings and IPC only; all work happens in the engine and its job workers.
 */
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { app, BrowserWindow, dialog, Menu } from 'electron'
import { createEngine, type Engine } from './engine/engine'
import { forwardEvents, registerIpc } from './ipc'
import { applySecurityPolicy } from './security'

const rendererIndex = join(__dirname, '../renderer/index.html')
const rendererRoot = pathToFileURL(join(__dirname, '../renderer/')).href
const isAppUrl = (url: string): boolean => url.startsWith(rendererRoot) || (process.env.ELECTRON_RENDERER_URL !== undefined && url.startsWith(process.env.ELECTRON_RENDERER_URL))

let engine: Engine | null = null
let mainWindow: BrowserWindow | null = null

function createWindow(current: Engine): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 1024,
    minHeight: 680,
    title: 'Offerwise',
    show: false,
    webPreferences: {
      preload: join(__dirname, '../preload/preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  })
  window.once('ready-to-show', () => window.show())
  forwardEvents(current, window.webContents)
  if (!app.isPackaged && process.env.ELECTRON_RENDERER_URL) void window.loadURL(process.env.ELECTRON_RENDERER_URL)
  else void window.loadFile(rendererIndex)
  return window
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.setName('Offerwise')
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore()
    mainWindow?.focus()
  })
  void app.whenReady().then(() => {
    applySecurityPolicy(isAppUrl)
    Menu.setApplicationMenu(process.platform === 'darwin' ? Menu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }]) : null)
    engine = createEngine({
      dbPath: process.env.OFFERWISE_DB ?? join(app.getPath('userData'), 'offerwise.sqlite'),
      resourcesDir: app.isPackaged ? process.resourcesPath : join(__dirname, '../../resources'),
      shell: 'electron',
      workerScript: join(__dirname, 'job-worker.js'),
      nativeBinding: process.env.OFFERWISE_SQLITE_BINDING,
      // Export files go where the merchant points this dialog; the page never sends a path.
      chooseExportFolder: async ({ locale }) => {
        const options: Electron.OpenDialogOptions = {
          title: locale === 'zh-CN' ? '选择保存导出文件的文件夹' : 'Choose a folder for the export files',
          buttonLabel: locale === 'zh-CN' ? '保存到此处' : 'Save here',
          properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
        }
        const chosen = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options)
        return chosen.canceled || chosen.filePaths.length === 0 ? null : (chosen.filePaths[0] ?? null)
      },
    })
    const current = engine
    registerIpc(current, (sender) => mainWindow !== null && sender === mainWindow.webContents)
    mainWindow = createWindow(current)
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow(current)
    })
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('will-quit', () => {
    void engine?.close()
  })
}
