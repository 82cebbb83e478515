package org.neurograph.ui.internal.gallery;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.IURIEditorInput;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.EditorPart;

/**
 * A read-only image viewer: the image scaled to fit the editor (never blurred beyond 8x), centred on a dark
 * background. The file is decoded off the UI thread; the viewer reloads when the file changes and closes when it is
 * deleted.
 */
public class ImageViewerEditor extends EditorPart {
	/** Images larger than this on either side are shown subsampled. */
	private static final int MAX_SIDE = 4096;

	private final IResourceChangeListener resourceListener = this::resourcesChanged;
	private Canvas canvas;
	private Image image;
	private String problem;

	@Override
	public void init(IEditorSite site, IEditorInput input) throws PartInitException {
		if (!(input instanceof IFileEditorInput) && !(input instanceof IURIEditorInput)) {
			throw new PartInitException("The image viewer opens files only, not " + input.getName() + ".");
		}
		setSite(site);
		setInput(input);
		setPartName(input.getName());
		setTitleToolTip(input.getToolTipText());
	}

	@Override
	public void createPartControl(Composite parent) {
		canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
		canvas.addListener(SWT.Paint, this::paint);
		canvas.addListener(SWT.Resize, e -> canvas.redraw());
		ResourcesPlugin.getWorkspace().addResourceChangeListener(resourceListener, IResourceChangeEvent.POST_CHANGE);
		load();
	}

	/** The image shown, once it is loaded (null before, or if it could not be read). */
	public Image image() {
		return image;
	}

	private Path path() {
		IEditorInput input = getEditorInput();
		if (input instanceof IFileEditorInput fileInput) {
			IPath location = fileInput.getFile().getLocation();
			return location == null ? null : location.toPath();
		}
		URI uri = ((IURIEditorInput) input).getURI();
		return "file".equals(uri.getScheme()) ? Path.of(uri) : null;
	}

	private void load() {
		Path path = path();
		Display display = canvas.getDisplay();
		Job job = Job.create("Loading " + getEditorInput().getName(), (IProgressMonitor monitor) -> {
			ImageData data = null;
			String error = null;
			long size = 0;
			try {
				if (path == null) {
					throw new IOException("the file is not on the local disk");
				}
				size = Files.size(path);
				data = ImageFiles.load(path, MAX_SIDE);
			} catch (IOException e) {
				error = "The image cannot be shown: " + e.getMessage();
			}
			ImageData loaded = data;
			String message = error;
			long bytes = size;
			display.asyncExec(() -> show(loaded, message, bytes));
			return Status.OK_STATUS;
		});
		job.setSystem(true);
		job.schedule();
	}

	private void show(ImageData data, String error, long bytes) {
		if (canvas.isDisposed()) {
			return;
		}
		if (image != null) {
			image.dispose();
		}
		image = data == null ? null : new Image(canvas.getDisplay(), data);
		problem = error;
		setContentDescription(data == null ? "" : data.width + " \u00d7 " + data.height + " pixels, " + kilobytes(bytes));
		canvas.redraw();
	}

	private static String kilobytes(long bytes) {
		return bytes < 1024 ? bytes + " bytes" : String.format("%,d KB", (bytes + 512) / 1024);
	}

	private void paint(Event e) {
		GC gc = e.gc;
		Rectangle area = canvas.getClientArea();
		gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
		gc.fillRectangle(area);
		if (image == null) {
			gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_WHITE));
			gc.drawText(problem != null ? problem : "Loading\u2026", 16, 16, true);
			return;
		}
		Rectangle b = image.getBounds();
		double scale = Math.min(8.0, Math.min((double) area.width / b.width, (double) area.height / b.height));
		int width = Math.max(1, (int) Math.round(b.width * scale));
		int height = Math.max(1, (int) Math.round(b.height * scale));
		gc.setInterpolation(scale < 1 ? SWT.HIGH : SWT.NONE);
		gc.drawImage(image, 0, 0, b.width, b.height, (area.width - width) / 2, (area.height - height) / 2, width, height);
	}

	private void resourcesChanged(IResourceChangeEvent event) {
		if (!(getEditorInput() instanceof IFileEditorInput input) || event.getDelta() == null) {
			return;
		}
		IFile file = input.getFile();
		IResourceDelta delta = event.getDelta().findMember(file.getFullPath());
		if (delta == null || canvas.isDisposed()) {
			return;
		}
		Display display = canvas.getDisplay();
		if (delta.getKind() == IResourceDelta.REMOVED) {
			display.asyncExec(() -> getSite().getPage().closeEditor(this, false));
		} else if ((delta.getFlags() & (IResourceDelta.CONTENT | IResourceDelta.REPLACED)) != 0) {
			display.asyncExec(() -> {
				if (!canvas.isDisposed()) {
					load();
				}
			});
		}
	}

	@Override
	public void setFocus() {
		canvas.setFocus();
	}

	@Override
	public void dispose() {
		ResourcesPlugin.getWorkspace().removeResourceChangeListener(resourceListener);
		if (image != null) {
			image.dispose();
		}
		super.dispose();
	}

	@Override
	public void doSave(IProgressMonitor monitor) {
		// a viewer: nothing to save
	}

	@Override
	public void doSaveAs() {
		// a viewer: nothing to save
	}

	@Override
	public boolean isDirty() {
		return false;
	}

	@Override
	public boolean isSaveAsAllowed() {
		return false;
	}
}
