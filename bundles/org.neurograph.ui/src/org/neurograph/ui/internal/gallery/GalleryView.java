package org.neurograph.ui.internal.gallery;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.IWorkspaceRoot;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IMemento;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.IViewSite;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.menus.IMenuService;
import org.eclipse.ui.part.ViewPart;
import org.neurograph.ui.NeurographUi;
import org.neurograph.ui.internal.Statuses;

/**
 * Thumbnails of the images of one folder: the folder selected in the workbench, or the folder of a selected image.
 * Thumbnails are decoded and scaled by a background job and become images on the UI thread; new, changed and
 * deleted images show at once (resource change events). The selected image is this view's selection, so the
 * Properties view shows its provenance; double-click opens it in the image viewer.
 */
public class GalleryView extends ViewPart {
	private static final String MEMENTO_FOLDER = "folder";

	private final Map<IFile, Thumbnail> thumbnails = new HashMap<>();
	private final ISelectionListener selectionListener = this::workbenchSelectionChanged;
	private final IResourceChangeListener resourceListener = this::resourcesChanged;
	private final FileSelectionProvider selectionProvider = new FileSelectionProvider();
	private ThumbnailGrid grid;
	private Display display;
	private IContainer folder;
	private Job loader;
	private MenuManager contextMenu;

	/** A decoded thumbnail of a file at a modification stamp; {@code owned} images are disposed with it. */
	private record Thumbnail(long stamp, Image image, boolean owned) {
	}

	/**
	 * Shows the folder of the given output files in the gallery of {@code page} (making it visible) and selects the
	 * last of them.
	 */
	public static void showOutputs(IWorkbenchPage page, List<Path> outputs) {
		IWorkspaceRoot root = ResourcesPlugin.getWorkspace().getRoot();
		List<IFile> files = outputs.stream().map(p -> root.getFileForLocation(IPath.fromPath(p)))
				.filter(f -> f != null && ImageFiles.isImage(f)).toList();
		if (files.isEmpty()) {
			return;
		}
		try {
			GalleryView gallery = (GalleryView) page.showView(NeurographUi.GALLERY_VIEW_ID, null, IWorkbenchPage.VIEW_VISIBLE);
			IFile last = files.get(files.size() - 1);
			gallery.show(last.getParent(), last);
		} catch (PartInitException e) {
			Statuses.log(IStatus.ERROR, "Could not open the gallery: " + e.getMessage(), e);
		}
	}

	@Override
	public void init(IViewSite site, IMemento memento) throws PartInitException {
		super.init(site, memento);
		String path = memento == null ? null : memento.getString(MEMENTO_FOLDER);
		if (path != null) {
			IResource resource = ResourcesPlugin.getWorkspace().getRoot().findMember(path);
			folder = resource instanceof IContainer container ? container : null;
		}
	}

	@Override
	public void saveState(IMemento memento) {
		if (folder != null) {
			memento.putString(MEMENTO_FOLDER, folder.getFullPath().toString());
		}
	}

	@Override
	public void createPartControl(Composite parent) {
		grid = new ThumbnailGrid(parent, this::thumbnail);
		display = grid.getDisplay();
		grid.addSelectionListener(selectionProvider::setFile);
		grid.addOpenListener(this::open);
		getSite().setSelectionProvider(selectionProvider);
		// the context menu holds other bundles' commands on the selected file (e.g. the GAN views'), contributed to
		// popup:org.neurograph.ui.gallery; it is filled through the menu service rather than registered with the site,
		// which would add every "popup:any" contribution for resources (Team, Compare With, Replace With)
		contextMenu = new MenuManager();
		contextMenu.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
		getSite().getService(IMenuService.class).populateContributionManager(contextMenu,
				"popup:" + NeurographUi.GALLERY_VIEW_ID);
		grid.setMenu(contextMenu.createContextMenu(grid));
		getSite().getPage().addPostSelectionListener(selectionListener);
		ResourcesPlugin.getWorkspace().addResourceChangeListener(resourceListener, IResourceChangeEvent.POST_CHANGE);
		if (folder == null) {
			workbenchSelectionChanged(null, getSite().getPage().getSelection());
		}
		reload();
	}

	/** Shows the images of a folder (null: none) and selects one of them (null: none). */
	public void show(IContainer container, IFile select) {
		if (container != folder) {
			folder = container;
			reload();
		}
		if (select != null) {
			grid.select(select);
		}
	}

	/** The folder shown, if any. */
	public Optional<IContainer> folder() {
		return Optional.ofNullable(folder);
	}

	/** The image files shown, in order. */
	public List<IFile> files() {
		return grid.files();
	}

	/** True once the thumbnail of this file is loaded (or has failed and shows as broken). */
	public boolean hasThumbnail(IFile file) {
		Thumbnail thumbnail = thumbnails.get(file);
		return thumbnail != null && thumbnail.stamp() == file.getModificationStamp();
	}

	/** The selected image, if any. */
	public Optional<IFile> selection() {
		return Optional.ofNullable(grid.selection());
	}

	/** Selects an image shown (null: none). */
	public void select(IFile file) {
		grid.select(file);
	}

	private Image thumbnail(IFile file) {
		Thumbnail thumbnail = thumbnails.get(file);
		return thumbnail == null ? null : thumbnail.image();
	}

	private void workbenchSelectionChanged(IWorkbenchPart part, ISelection selection) {
		if (part == this || !(selection instanceof IStructuredSelection structured) || structured.isEmpty()) {
			return;
		}
		IResource resource = Adapters.adapt(structured.getFirstElement(), IResource.class);
		if (resource instanceof IContainer container && container.getType() != IResource.ROOT) {
			show(container, null);
		} else if (resource instanceof IFile file && ImageFiles.isImage(file)) {
			show(file.getParent(), file);
		}
	}

	/** Lists the folder's images again, drops thumbnails of files gone and loads the missing ones. */
	private void reload() {
		if (grid == null || grid.isDisposed()) {
			return;
		}
		List<IFile> files = images(folder);
		thumbnails.entrySet().removeIf(e -> {
			boolean stale = !files.contains(e.getKey()) || e.getValue().stamp() != e.getKey().getModificationStamp();
			if (stale && e.getValue().owned()) {
				e.getValue().image().dispose();
			}
			return stale;
		});
		grid.setFiles(files, emptyText());
		setContentDescription(folder == null ? "" : folder.getFullPath().makeRelative() + "  (" + files.size()
				+ (files.size() == 1 ? " image)" : " images)"));
		List<IFile> missing = files.stream().filter(f -> !thumbnails.containsKey(f)).toList();
		if (loader != null) {
			loader.cancel();
		}
		if (!missing.isEmpty()) {
			loader = new ThumbnailJob(missing, display);
			loader.schedule();
		}
	}

	private String emptyText() {
		if (folder == null) {
			return "Select a folder of images, or an image, in the Project Explorer.";
		}
		return "No images in " + folder.getFullPath().makeRelative() + ".";
	}

	private static List<IFile> images(IContainer container) {
		if (container == null || !container.isAccessible()) {
			return List.of();
		}
		try {
			return Arrays.stream(container.members()).filter(ImageFiles::isImage).map(IFile.class::cast)
					.sorted(Comparator.comparing(IFile::getName, String.CASE_INSENSITIVE_ORDER)).toList();
		} catch (CoreException e) {
			Statuses.log(IStatus.WARNING, "Could not list " + container.getFullPath() + ": " + e.getMessage(), e);
			return List.of();
		}
	}

	private void install(IFile file, long stamp, ImageData data) {
		if (grid.isDisposed() || !grid.files().contains(file)) {
			return;
		}
		Thumbnail old = thumbnails.get(file);
		if (old != null && old.owned()) {
			old.image().dispose();
		}
		thumbnails.put(file, data == null
				? new Thumbnail(stamp, getSite().getWorkbenchWindow().getWorkbench().getSharedImages()
						.getImage(ISharedImages.IMG_OBJS_ERROR_TSK), false)
				: new Thumbnail(stamp, new Image(display, data), true));
		grid.redraw();
	}

	private void open(IFile file) {
		try {
			IDE.openEditor(getSite().getPage(), file, NeurographUi.IMAGE_VIEWER_ID);
		} catch (PartInitException e) {
			Statuses.showError("Could not open " + file.getName() + ": " + e.getMessage(), e);
		}
	}

	private void resourcesChanged(IResourceChangeEvent event) {
		IContainer shown = folder;
		IResourceDelta delta = event.getDelta();
		if (shown == null || delta == null) {
			return;
		}
		IResourceDelta folderDelta = delta.findMember(shown.getFullPath());
		if (folderDelta == null) {
			return;
		}
		boolean changed = folderDelta.getKind() == IResourceDelta.REMOVED || Arrays.stream(folderDelta.getAffectedChildren())
				.anyMatch(child -> ImageFiles.isImage(child.getResource()));
		if (changed && !display.isDisposed()) {
			display.asyncExec(() -> {
				if (!grid.isDisposed() && shown == folder) {
					reload();
				}
			});
		}
	}

	@Override
	public void setFocus() {
		grid.setFocus();
	}

	@Override
	public void dispose() {
		getSite().getPage().removePostSelectionListener(selectionListener);
		ResourcesPlugin.getWorkspace().removeResourceChangeListener(resourceListener);
		if (loader != null) {
			loader.cancel();
		}
		thumbnails.values().stream().filter(Thumbnail::owned).forEach(t -> t.image().dispose());
		thumbnails.clear();
		if (contextMenu != null) {
			getSite().getService(IMenuService.class).releaseContributions(contextMenu);
			contextMenu.dispose();
		}
		super.dispose();
	}

	/** Decodes and scales thumbnails off the UI thread; each one goes to the UI thread as soon as it is ready. */
	private final class ThumbnailJob extends Job {
		private final List<IFile> files;
		private final Display display;

		ThumbnailJob(List<IFile> files, Display display) {
			super("Loading thumbnails");
			this.files = new ArrayList<>(files);
			this.display = display;
			setSystem(true);
		}

		@Override
		protected IStatus run(IProgressMonitor monitor) {
			for (IFile file : files) {
				if (monitor.isCanceled() || display.isDisposed()) {
					return Status.CANCEL_STATUS;
				}
				long stamp = file.getModificationStamp();
				IPath location = file.getLocation();
				ImageData data = null;
				if (location != null) {
					try {
						data = ImageFiles.thumbnail(location.toPath(), ThumbnailGrid.THUMB);
					} catch (IOException e) {
						Statuses.log(IStatus.INFO, "No thumbnail for " + file.getFullPath() + ": " + e.getMessage(), null);
					}
				}
				ImageData ready = data;
				display.asyncExec(() -> install(file, stamp, ready));
			}
			return Status.OK_STATUS;
		}
	}
}
