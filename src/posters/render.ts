import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import sharp from 'sharp';
import { thumbnail, type PosterFormat } from './formats.ts';
import { chromiumArgs } from '../utils/chromium.ts';

/** One format of one variant: the HTML file to print and the file to write. */
export interface RenderJob {
  format: PosterFormat;
  htmlFile: string;
  outFile: string;
  /** Named in the error when the texts overflow the page. */
  describe: string;
  /**
   * The tab already shows this document at another paper size (they differ only in the paper
   * class): switching the class saves loading the page and its fonts again.
   */
  samePageAsBefore: boolean;
}

export class PosterOverflowError extends Error {}

/** A Chromium with one tab per worker; every poster is printed from a file, offline. */
export class PosterRenderer {
  private browser: Browser;
  private constructor(browser: Browser) {
    this.browser = browser;
  }

  static async open(executablePath: string): Promise<PosterRenderer> {
    return new PosterRenderer(await chromium.launch({ executablePath, args: chromiumArgs }));
  }

  async newPage(): Promise<Page> {
    const context = await this.browser.newContext({ offline: true, viewport: { width: 1080, height: 1350 }, deviceScaleFactor: 1 });
    return context.newPage();
  }

  close(): Promise<void> {
    return this.browser.close();
  }
}

/**
 * Shows the job's document (loading it, or switching the paper class of the one shown), waits for
 * its fonts, and refuses it if the texts do not fit the page.
 */
async function show(page: Page, job: RenderJob): Promise<void> {
  if (job.samePageAsBefore) await page.evaluate((paper) => (document.documentElement.className = `paper-${paper}`), job.format.paper);
  else await page.goto(pathToFileURL(job.htmlFile).href);
  const fits = await page.evaluate(async () => {
    await document.fonts.ready;
    // The sheet, each pocket card and each tear-off strip clip what does not fit; clipped text
    // must never be printed.
    return [...document.querySelectorAll('.sheet, .card, .strip')].every(
      (box) => box.scrollHeight <= box.clientHeight + 1 && box.scrollWidth <= box.clientWidth + 1,
    );
  });
  if (!fits) throw new PosterOverflowError(`${job.describe}: the texts do not fit the ${job.format.id} page; shorten them`);
}

/** Prints one format: a PDF of the page's own paper size, or the share image and its thumbnail. */
export async function renderJob(page: Page, job: RenderJob): Promise<void> {
  if (job.format.kind === 'pdf') {
    await show(page, job);
    await page.pdf({ path: job.outFile, preferCSSPageSize: true, printBackground: true });
    return;
  }
  await page.setViewportSize({ width: job.format.widthPx, height: job.format.heightPx });
  await show(page, job);
  const png = await page.screenshot({ type: 'png' });
  // Posters are flat colour: a palette PNG is about half the size and looks the same. Effort 1
  // quantizes several times faster than the default, for a few per cent more bytes.
  await sharp(png).png({ palette: true, effort: 1, quality: 85 }).toFile(job.outFile);
  const thumbFile = job.outFile.replace(new RegExp(`${job.format.file}$`), thumbnail.file);
  await sharp(png).resize(thumbnail.widthPx, thumbnail.heightPx).webp({ quality: 72 }).toFile(thumbFile);
}
