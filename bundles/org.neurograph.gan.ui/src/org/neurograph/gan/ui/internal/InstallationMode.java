package org.neurograph.gan.ui.internal;

import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.neurograph.api.InvalidParametersException;
import org.neurograph.api.ParameterValues;
import org.neurograph.gan.GanModel;
import org.neurograph.gan.GanOutputs;
import org.neurograph.gan.LatentTools;

/**
 * The installation mode ("Memories of Passerby" as a feature): a full-screen, never-ending random walk through the
 * latent space. Every {@code tempo} seconds the walk arrives at a new image, gliding there through the walk's
 * intermediate frames, each enlarged smoothly to {@value #SIZE} pixels; Esc (or a click) leaves. The next stretch of the walk is rendered in a job while the current
 * image is shown, and only the image on the screen holds an SWT image: each is disposed when the next replaces it
 * and when the mode closes.
 */
public final class InstallationMode {
	/** Frames of the walk between two images; the glide takes at most {@value #GLIDE_MILLIS} ms. */
	private static final int FRAMES = 12;
	private static final int GLIDE_MILLIS = 1500;
	private static final double STEP = 0.08;
	/** Images are enlarged smoothly (bicubic) to this size off the UI thread; the screen scales them the rest. */
	static final String SIZE = "256";
	private static final ParameterValues LOOK;

	static {
		try {
			LOOK = GanOutputs.PARAMETERS.resolve(Map.of("outputSize", SIZE, "upscaling", "bicubic"));
		} catch (InvalidParametersException e) {
			throw new IllegalStateException("the GAN's own output parameters are valid", e);
		}
	}

	private final Display display;
	private final GanModel model;
	private final double tempoSeconds;
	private final long seed;
	private record Stretch(List<float[]> latents, List<ImageData> frames) {
	}

	private final Deque<Stretch> ready = new ArrayDeque<>();
	private float[] currentLatent;
	private int glide; // the glide now on; an older one's frames stop
	private Shell shell;
	private Canvas canvas;
	private Image current;
	private float[] walkEnd;
	private long segment;
	private boolean rendering;
	private Job job;
	private int imagesShown;
	private int framesShown;
	private int imagesCreated;
	private int imagesDisposed;
	private String problem;

	/**
	 * @param tempoSeconds seconds from one image to the next (at least 0.5)
	 * @param seed         the walk's seed: the same start, tempo and seed give the same walk
	 */
	public InstallationMode(Display display, GanModel model, float[] start, double tempoSeconds, long seed) {
		if (!(tempoSeconds >= 0.5)) {
			throw new IllegalArgumentException("The tempo must be at least half a second, not " + tempoSeconds + ".");
		}
		this.display = display;
		this.model = model;
		this.walkEnd = start.clone();
		this.tempoSeconds = tempoSeconds;
		this.seed = seed;
	}

	/** Opens the full-screen shell and starts the walk. */
	public void open() {
		shell = new Shell(display, SWT.NO_TRIM | SWT.ON_TOP);
		shell.setText("Neurograph installation");
		shell.setBackground(display.getSystemColor(SWT.COLOR_BLACK));
		shell.setLayout(new FillLayout());
		canvas = new Canvas(shell, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
		canvas.addListener(SWT.Paint, e -> paint(e.gc));
		Rectangle screen = display.getPrimaryMonitor().getBounds();
		shell.setBounds(screen);
		shell.setFullScreen(true);
		for (var w : new org.eclipse.swt.widgets.Control[] { shell, canvas }) {
			w.addListener(SWT.KeyDown, this::key);
			w.addListener(SWT.Traverse, e -> {
				if (e.detail == SWT.TRAVERSE_ESCAPE) {
					e.doit = false;
					close();
				}
			});
		}
		canvas.addListener(SWT.MouseDown, e -> close());
		shell.addListener(SWT.Dispose, e -> stop());
		shell.open();
		shell.forceActive();
		canvas.setFocus();
		// the first image at once, then the walk
		List<float[]> first = List.of(walkEnd);
		render(first, false);
		tick();
	}

	private void key(Event e) {
		if (e.keyCode == SWT.ESC) {
			e.doit = false;
			close();
		}
	}

	/** Leaves the installation mode. */
	public void close() {
		if (shell != null && !shell.isDisposed()) {
			shell.dispose();
		}
	}

	private void stop() {
		if (job != null) {
			job.cancel();
		}
		setImage(null);
		synchronized (ready) {
			ready.clear();
		}
	}

	/** Renders the next stretch of the walk (or {@code latents} as given) in a job, unless one is on its way. */
	private void render(List<float[]> latents, boolean walk) {
		synchronized (ready) {
			if (rendering || ready.size() > 1) {
				return;
			}
			rendering = true;
		}
		long s = seed + segment++;
		float[] from = walkEnd;
		List<float[]> path = walk ? LatentTools.randomWalk(from, FRAMES, STEP, s) : latents;
		walkEnd = path.get(path.size() - 1);
		job = new Job("Installation: rendering the walk") {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				try {
					List<BufferedImage> images = GanOutputs.images(model, path, LOOK);
					List<ImageData> frames = new ArrayList<>(images.size());
					for (BufferedImage img : images) {
						frames.add(SwtImages.toImageData(img));
					}
					synchronized (ready) {
						ready.add(new Stretch(path, frames));
					}
				} catch (RuntimeException e) {
					problem = e.getMessage() == null ? e.toString() : e.getMessage();
				} finally {
					synchronized (ready) {
						rendering = false;
					}
				}
				return Status.OK_STATUS;
			}
		};
		job.setSystem(true);
		job.schedule();
	}

	/** Shows the next rendered stretch (gliding through its frames), then waits for the tempo. */
	private void tick() {
		if (shell == null || shell.isDisposed()) {
			return;
		}
		Stretch stretch;
		synchronized (ready) {
			stretch = ready.poll();
		}
		render(null, true); // keep one stretch ahead
		if (stretch == null) {
			display.timerExec(50, this::tick);
			return;
		}
		List<ImageData> frames = stretch.frames();
		int glideMillis = (int) Math.min(GLIDE_MILLIS, tempoSeconds * 1000 / 2);
		int perFrame = frames.size() > 1 ? Math.max(25, glideMillis / frames.size()) : 0;
		glide++;
		showFrames(stretch, 0, perFrame, System.currentTimeMillis(), glide);
		display.timerExec((int) (tempoSeconds * 1000), this::tick);
	}

	/**
	 * Shows frame {@code index} of the glide that began at {@code start}; when the screen falls behind (a slow
	 * machine) the frames whose time has passed are skipped, so the walk still arrives on the beat.
	 */
	private void showFrames(Stretch stretch, int index, int perFrame, long start, int which) {
		List<ImageData> frames = stretch.frames();
		if (shell == null || shell.isDisposed() || index >= frames.size() || which != glide) {
			return;
		}
		if (perFrame > 0) {
			long due = (System.currentTimeMillis() - start) / perFrame;
			index = (int) Math.max(index, Math.min(frames.size() - 1, due));
		}
		setImage(new Image(display, frames.get(index)));
		currentLatent = stretch.latents().get(index);
		imagesCreated++;
		framesShown++;
		if (index == frames.size() - 1) {
			imagesShown++;
		}
		canvas.redraw();
		int next = index + 1;
		if (next < frames.size()) {
			display.timerExec(perFrame, () -> showFrames(stretch, next, perFrame, start, which));
		}
	}

	private void setImage(Image image) {
		if (current != null && !current.isDisposed()) {
			current.dispose();
			imagesDisposed++;
		}
		current = image;
	}

	private void paint(GC gc) {
		Rectangle area = canvas.getClientArea();
		gc.setBackground(display.getSystemColor(SWT.COLOR_BLACK));
		gc.fillRectangle(area);
		if (current == null || current.isDisposed()) {
			return;
		}
		int side = (int) (Math.min(area.width, area.height) * 0.92);
		Rectangle src = current.getBounds();
		gc.setInterpolation(SWT.HIGH);
		gc.drawImage(current, 0, 0, src.width, src.height, (area.width - side) / 2, (area.height - side) / 2, side, side);
		if (problem != null) {
			gc.setForeground(display.getSystemColor(SWT.COLOR_RED));
			gc.drawText("The walk stopped: " + problem, 20, 20, true);
		}
	}

	// --- for tests ---

	/** The full-screen shell (null before {@link #open}). */
	public Shell shell() {
		return shell;
	}

	/** True while the mode is open. */
	public boolean isOpen() {
		return shell != null && !shell.isDisposed();
	}

	/** Images the walk arrived at (the first included). */
	public int imagesShown() {
		return imagesShown;
	}

	/** Frames shown, the glides' included. */
	public int framesShown() {
		return framesShown;
	}

	/** SWT images created and not yet disposed: 1 while an image is shown, 0 after closing. */
	public int liveImages() {
		return imagesCreated - imagesDisposed;
	}

	/** The latent vector of the image on the screen, or null. */
	public float[] currentLatent() {
		return currentLatent == null ? null : currentLatent.clone();
	}

	/** The pixels on the screen now, or null. */
	public ImageData currentImage() {
		return current == null || current.isDisposed() ? null : current.getImageData();
	}
}
