package org.neurograph.ui.internal.app;

import java.net.URL;

import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.ide.IDE;
import org.osgi.framework.Bundle;

/**
 * The project icons of the IDE's resource views. The IDE's own advisor (internal to org.eclipse.ui.ide.application)
 * declares them; an RCP advisor has to do it itself, or projects show without an icon.
 */
final class IdeImages {
	private IdeImages() {
	}

	static void declare(IWorkbenchConfigurer configurer) {
		Bundle ide = Platform.getBundle("org.eclipse.ui.ide");
		if (ide == null) {
			return;
		}
		declare(configurer, ide, IDE.SharedImages.IMG_OBJ_PROJECT, "icons/full/obj16/prj_obj");
		declare(configurer, ide, IDE.SharedImages.IMG_OBJ_PROJECT_CLOSED, "icons/full/obj16/cprj_obj");
	}

	private static void declare(IWorkbenchConfigurer configurer, Bundle bundle, String key, String pathWithoutExtension) {
		for (String extension : new String[] { ".svg", ".png", ".gif" }) {
			URL url = bundle.getEntry(pathWithoutExtension + extension);
			if (url != null) {
				configurer.declareImage(key, ImageDescriptor.createFromURL(url), true);
				return;
			}
		}
	}
}
